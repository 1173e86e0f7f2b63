package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.concurrent.atomic.AtomicInteger;
import org.dkim4j.crypto.DigestInfo;
import org.dkim4j.crypto.ExternalSigner;
import org.dkim4j.crypto.KeyType;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seam for keys that never enter the JVM (HSM, PKCS#11, KMS), exercised with a stand-in token
 * that signs the way such services do: RSA as "sign this DigestInfo" ({@code CKM_RSA_PKCS}),
 * Ed25519 as pure Ed25519 over the 32 digest bytes (RFC 8463 section 3).
 */
class ExternalSignerTest {

  static final byte[] MESSAGE =
      ("From: alice@example.com\r\nTo: bob@example.org\r\nSubject: token\r\n\r\nSigned"
              + " elsewhere.\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  /** A token holding a private key it never hands out. */
  static final class FakeToken implements ExternalSigner {
    final PrivateKey key;
    final AtomicInteger calls = new AtomicInteger();

    FakeToken(PrivateKey key) {
      this.key = key;
    }

    @Override
    public byte[] sign(byte[] sha256Digest) throws GeneralSecurityException {
      calls.incrementAndGet();
      assertEquals(32, sha256Digest.length, "the token gets the SHA-256 digest");
      Signature signature;
      if (key.getAlgorithm().equals("RSA")) {
        signature = Signature.getInstance("NONEwithRSA");
        signature.initSign(key);
        signature.update(DigestInfo.sha256(sha256Digest));
      } else {
        signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(sha256Digest);
      }
      return signature.sign();
    }
  }

  static KeyPair generate(KeyType type) throws Exception {
    if (type == KeyType.RSA) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    }
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void signaturesFromAnExternalSignerVerify(KeyType type) throws Exception {
    KeyPair pair = generate(type);
    FakeToken token = new FakeToken(pair.getPrivate());
    SigningKey key = SigningKey.external(pair.getPublic(), token);
    assertEquals(type, key.type());
    assertTrue(key.toString().startsWith("SigningKey[external "), key.toString());

    byte[] signed =
        DkimSigner.builder().domain("example.com").selector("hsm").key(key).build().sign(MESSAGE);
    DkimResults results =
        DkimVerifier.builder()
            .resolver(
                InMemoryTxtResolver.builder()
                    .txt(
                        "hsm._domainkey.example.com",
                        KeyRecordBuilder.forPublicKey(pair.getPublic()).text())
                    .build())
            .build()
            .verify(signed);
    assertTrue(results.passedFor("example.com"), results.toString());
    assertEquals(1, token.calls.get());
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void aSignerForAnotherKeyFailsVerification(KeyType type) throws Exception {
    KeyPair published = generate(type);
    FakeToken wrongToken = new FakeToken(generate(type).getPrivate());
    SigningKey key = SigningKey.external(published.getPublic(), wrongToken);
    byte[] signed =
        DkimSigner.builder().domain("example.com").selector("hsm").key(key).build().sign(MESSAGE);
    DkimResults results =
        DkimVerifier.builder()
            .resolver(
                InMemoryTxtResolver.builder()
                    .txt(
                        "hsm._domainkey.example.com",
                        KeyRecordBuilder.forPublicKey(published.getPublic()).text())
                    .build())
            .build()
            .verify(signed);
    assertEquals(DkimStatus.FAIL, results.status(), results.toString());
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void aTokenFailureReachesTheCaller(KeyType type) throws Exception {
    KeyPair pair = generate(type);
    SigningKey key =
        SigningKey.external(
            pair.getPublic(),
            digest -> {
              throw new GeneralSecurityException("token removed");
            });
    DkimSigner signer = DkimSigner.builder().domain("example.com").selector("hsm").key(key).build();
    RuntimeException e = assertThrows(RuntimeException.class, () -> signer.sign(MESSAGE));
    boolean causeKept = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      causeKept |= "token removed".equals(t.getMessage());
    }
    assertTrue(causeKept, e.toString());
  }
}
