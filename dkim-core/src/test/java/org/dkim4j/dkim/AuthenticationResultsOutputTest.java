package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dkim4j.auth.AuthenticationResults;
import org.dkim4j.auth.ResultEntry;
import org.junit.jupiter.api.Test;

class AuthenticationResultsOutputTest {

  @Test
  void everySignatureBecomesADkimEntryWithTheRfc6008Prefix() {
    byte[] signed = Fixture.rsaSigner().sign(Fixture.message());
    String b = Fixture.only(Fixture.verifier().verify(signed)).signaturePrefix();
    byte[] twice =
        Fixture.ed25519Signer().sign(Fixture.text(signed).replace("noon", "nine").getBytes());
    DkimResults results = Fixture.verifier().verify(twice);

    AuthenticationResults ar = results.authenticationResults("mx.example.org");
    String value = ar.format();
    assertTrue(
        value.startsWith(
            "mx.example.org; dkim=pass (256-bit key) header.d=example.com"
                + " header.i=@example.com header.s=ed header.a=ed25519-sha256 header.b="),
        value);
    assertTrue(
        value.contains(
            "; dkim=fail (body hash did not verify) header.d=example.com header.i=@example.com"
                + " header.s=rsa header.a=rsa-sha256 header.b="),
        value);
    AuthenticationResults parsed = AuthenticationResults.parse(ar.toHeaderField());
    assertEquals(ar, parsed);
    ResultEntry rsa = parsed.results().get(1);
    assertEquals(b, rsa.property("header.b").orElseThrow());
  }

  @Test
  void passNamesTheKeySize() {
    DkimResults results =
        Fixture.verifier().verify(Fixture.ed25519Signer().sign(Fixture.message()));
    ResultEntry entry = results.authenticationResults("mx").results().get(0);
    assertEquals("pass", entry.result());
    assertEquals("256-bit key", entry.comment().orElseThrow());
  }

  @Test
  void unsignedMessageGivesDkimNone() {
    assertEquals(
        "mx.example.org; dkim=none",
        Fixture.verifier()
            .verify(Fixture.message())
            .authenticationResults("mx.example.org")
            .format());
  }
}
