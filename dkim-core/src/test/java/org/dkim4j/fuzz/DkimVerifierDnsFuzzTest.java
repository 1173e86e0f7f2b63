package org.dkim4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import org.dkim4j.crypto.KeyFormatException;
import org.dkim4j.crypto.KeyType;
import org.dkim4j.crypto.SignatureAlgorithm;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.crypto.VerificationKey;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimStatus;
import org.dkim4j.dkim.DkimSyntaxException;
import org.dkim4j.dkim.KeyRecord;
import org.dkim4j.dns.TxtLookup;

/**
 * Verifies a correctly signed message (an Ed25519 and an RSA signature) while DNS answers with
 * fuzzed text.
 *
 * <p>Input: a first character {@code !} makes the lookup a temporary failure, {@code ?} NXDOMAIN,
 * {@code #} a resolver that throws, {@code ~} a resolver that returns null; otherwise the input,
 * split at NUL characters, is the list of TXT records.
 *
 * <p>Properties: verification never throws; each signature gets a result, with a reason unless it
 * passed; temporary failures give temperror and NXDOMAIN permerror; and, since the message is
 * intact, a signature passes exactly when the first record that is a valid key record (RFC 6376
 * section 3.6.2.2) allows the signature and holds its real public key. No other DNS answer passes.
 */
class DkimVerifierDnsFuzzTest {

  private static final byte[] MESSAGE =
      SignedMessage.signer("ed", SignedMessage.ED25519)
          .build()
          .and(SignedMessage.signer("rsa", SignedMessage.RSA).build())
          .sign(SignedMessage.bytes(SignedMessage.UNSIGNED));

  private static final List<SigningKey> KEYS = List.of(SignedMessage.ED25519, SignedMessage.RSA);

  @FuzzTest(maxDuration = "10m")
  void onlyTheRealKeyPasses(byte[] input) {
    if (input == null) {
      return;
    }
    // The input is UTF-8 text: a byte[] parameter reaches the test as is, so seed files
    // are plain text (Jazzer hands a String parameter over in an encoding of its own).
    String answer = new String(input, StandardCharsets.UTF_8);
    char kind = answer.isEmpty() ? ' ' : answer.charAt(0);
    List<String> records = Arrays.asList(answer.split("\u0000", -1));
    DkimResults results =
        SignedMessage.verifier(
                name ->
                    switch (kind) {
                      case '!' -> TxtLookup.temporaryFailure("fuzzed timeout");
                      case '?' -> TxtLookup.notFound("NXDOMAIN");
                      case '#' -> throw new IllegalStateException("fuzzed resolver failure");
                      case '~' -> null;
                      default -> TxtLookup.found(records);
                    })
            .verify(MESSAGE);

    assertEquals(KEYS.size(), results.results().size());
    for (int i = 0; i < KEYS.size(); i++) {
      DkimResult result = results.results().get(i);
      if (!result.passed()) {
        assertFalse(result.reason().isEmpty(), "no reason for " + result.status());
      }
      DkimStatus expected =
          switch (kind) {
            case '!', '#', '~' -> DkimStatus.TEMPERROR;
            case '?' -> DkimStatus.PERMERROR;
            default -> expectedFor(KEYS.get(i), records);
          };
      if (expected == DkimStatus.FAIL) {
        assertTrue(
            result.status() == DkimStatus.FAIL || result.status() == DkimStatus.PERMERROR,
            result + " for " + records);
      } else {
        assertEquals(expected, result.status(), result + " for " + records);
      }
    }
  }

  /**
   * PASS when the first valid key record allows the signature and holds the key, PERMERROR when
   * there is no valid key record, FAIL otherwise (PERMERROR is also right when the record does not
   * allow the signature or its key cannot be used).
   */
  private static DkimStatus expectedFor(SigningKey key, List<String> records) {
    KeyRecord record = null;
    for (String text : records) {
      try {
        record = KeyRecord.parse(text);
        break;
      } catch (DkimSyntaxException notAKeyRecord) {
        // RFC 6376 section 3.6.2.2: try the next one
      }
    }
    if (record == null) {
      return DkimStatus.PERMERROR;
    }
    SignatureAlgorithm algorithm = key.algorithm();
    if (record.revoked()
        || record.keyType().orElse(null) != key.type()
        || !record.allowsHashOf(algorithm)
        || !record.allowsEmail()) {
      return DkimStatus.PERMERROR;
    }
    VerificationKey published;
    try {
      published = VerificationKey.decode(key.type(), record.publicKeyData());
    } catch (KeyFormatException e) {
      return DkimStatus.PERMERROR;
    }
    if (published.type() == KeyType.RSA && published.bits() < 1024) {
      return DkimStatus.PERMERROR;
    }
    byte[] real = VerificationKey.decode(key.type(), key.publicKeyData()).recordData();
    return sameKey(key.type(), real, published.recordData()) ? DkimStatus.PASS : DkimStatus.FAIL;
  }

  /**
   * The same public key: the same 32 bytes for Ed25519; for RSA the same modulus and exponent,
   * however the SubjectPublicKeyInfo around them is encoded (the JDK also reads one whose algorithm
   * parameters are not the DER NULL, and keeps that encoding).
   */
  private static boolean sameKey(KeyType type, byte[] a, byte[] b) {
    if (type == KeyType.ED25519) {
      return Arrays.equals(a, b);
    }
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      RSAPublicKey x = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(a));
      RSAPublicKey y = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(b));
      return x.getModulus().equals(y.getModulus())
          && x.getPublicExponent().equals(y.getPublicExponent());
    } catch (GeneralSecurityException e) {
      throw new AssertionError("a decoded key that does not read back", e);
    }
  }
}
