package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.testing.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Header names with an upper-case I must match their lower-case forms in every locale; under a
 * Turkish default locale {@code "I".toLowerCase()} is a dotless i. The build runs the suite under
 * {@code tr_TR} too.
 */
class LocaleIndependenceTest {

  @Test
  void upperCaseINamesMatchInEveryLocale() {
    System.out.println("LocaleIndependenceTest: default locale " + Locale.getDefault());
    String message =
        Fixture.MESSAGE
                .replace("Message-ID:", "MESSAGE-ID:")
                .replace("MIME-Version:", "MIME-VERSION:")
            + "";
    byte[] signed =
        Fixture.signer(TestKeys.ED25519, "ed")
            .canonicalization(Canonicalization.RELAXED, Canonicalization.RELAXED)
            .build()
            .sign(Fixture.bytes(message));
    DkimSignature signature =
        Fixture.only(Fixture.verifier().verify(signed)).signature().orElseThrow();
    // the default header list found both fields although their names are upper case
    assertEquals(true, signature.signedHeaders().contains("message-id"));
    assertEquals(true, signature.signedHeaders().contains("mime-version"));
    byte[] renamed =
        Fixture.bytes(
            Fixture.text(signed)
                .replace("MESSAGE-ID:", "message-id:")
                .replace("MIME-VERSION", "Mime-Version"));
    assertEquals(DkimStatus.PASS, Fixture.only(Fixture.verifier().verify(renamed)).status());
  }
}
