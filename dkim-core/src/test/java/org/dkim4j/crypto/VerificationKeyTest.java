package org.dkim4j.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link VerificationKey#verify}: the same key verifies many signatures in turn, a failed or
 * rejected one leaves it as it was, and threads may share it.
 */
class VerificationKeyTest {

  private static DkimKeyPair rsa;
  private static DkimKeyPair ed25519;
  private static ExecutorService threads;

  @BeforeAll
  static void setUp() {
    SecureRandom random = new SecureRandom(new byte[] {7});
    rsa = DkimKeyPair.generate(KeyType.RSA, 1024, random);
    ed25519 = DkimKeyPair.generate(KeyType.ED25519, 256, random);
    threads = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void tearDown() {
    threads.shutdownNow();
  }

  private static DkimKeyPair pair(KeyType type) {
    return type == KeyType.RSA ? rsa : ed25519;
  }

  private static byte[] digest(String text) throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes());
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void verifiesAgainAfterEachKindOfFailure(KeyType type) throws GeneralSecurityException {
    DkimKeyPair pair = pair(type);
    VerificationKey key = VerificationKey.decode(type, pair.publicKeyData());
    SignatureAlgorithm algorithm = pair.signingKey().algorithm();
    byte[] digest = digest("header data");
    byte[] signature = pair.signingKey().sign(digest);

    assertTrue(key.verify(algorithm, digest, signature));
    assertTrue(key.verify(algorithm, digest, signature), "the same signature, a second time");
    assertFalse(key.verify(algorithm, digest("other header data"), signature), "another digest");
    assertTrue(key.verify(algorithm, digest, signature), "after a digest that did not match");
    byte[] flipped = signature.clone();
    flipped[flipped.length / 2] ^= 1;
    assertFalse(key.verify(algorithm, digest, flipped), "a changed signature");
    assertTrue(key.verify(algorithm, digest, signature), "after a changed signature");
    assertFalse(key.verify(algorithm, digest, Arrays.copyOf(signature, 10)), "a short signature");
    assertTrue(key.verify(algorithm, digest, signature), "after a short signature");
    assertFalse(key.verify(algorithm, digest, new byte[0]), "an empty signature");
    assertTrue(key.verify(algorithm, digest, signature), "after an empty signature");
    SignatureAlgorithm other =
        type == KeyType.RSA ? SignatureAlgorithm.ED25519_SHA256 : SignatureAlgorithm.RSA_SHA256;
    assertFalse(key.verify(other, digest, signature), "an algorithm of the other key type");
    assertTrue(key.verify(algorithm, digest, signature), "after the other key type");
  }

  @Test
  void rsaSha256SignatureDoesNotPassAsRsaSha1() throws GeneralSecurityException {
    VerificationKey key = VerificationKey.decode(KeyType.RSA, rsa.publicKeyData());
    byte[] digest = digest("header data");
    byte[] signature = rsa.signingKey().sign(digest);
    byte[] sha1 = Arrays.copyOf(digest, 20);
    assertFalse(key.verify(SignatureAlgorithm.RSA_SHA1, sha1, signature));
    assertTrue(key.verify(SignatureAlgorithm.RSA_SHA256, digest, signature));
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void threadsShareOneKey(KeyType type) throws Exception {
    DkimKeyPair pair = pair(type);
    VerificationKey key = VerificationKey.decode(type, pair.publicKeyData());
    SignatureAlgorithm algorithm = pair.signingKey().algorithm();
    int count = 8;
    byte[][] digests = new byte[count][];
    byte[][] signatures = new byte[count][];
    for (int i = 0; i < count; i++) {
      digests[i] = digest("message " + i);
      signatures[i] = pair.signingKey().sign(digests[i]);
    }
    List<Future<int[]>> results = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      results.add(
          threads.submit(
              () -> {
                int[] outcome = new int[2]; // [right verdicts, wrong verdicts]
                for (int round = 0; round < 150; round++) {
                  int i = (round + thread) % count;
                  int j = (round + thread + 1) % count; // a signature of another digest
                  boolean good = key.verify(algorithm, digests[i], signatures[i]);
                  boolean bad = key.verify(algorithm, digests[i], signatures[j]);
                  outcome[good && !bad ? 0 : 1]++;
                }
                return outcome;
              }));
    }
    for (Future<int[]> result : results) {
      assertArrayEquals(new int[] {150, 0}, result.get());
    }
    assertEquals(type, key.type());
  }
}
