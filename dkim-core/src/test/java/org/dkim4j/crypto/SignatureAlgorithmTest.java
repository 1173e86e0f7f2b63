package org.dkim4j.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignatureAlgorithmTest {

  /** FIPS 180-2 appendix B.1 and FIPS 180-1 appendix A: the digests of "abc". */
  @Test
  void digestsAreTheNamedHashes() {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HexFormat.of().formatHex(SignatureAlgorithm.RSA_SHA256.newDigest().digest(abc)));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HexFormat.of().formatHex(SignatureAlgorithm.ED25519_SHA256.newDigest().digest(abc)));
    assertEquals(
        "a9993e364706816aba3e25717850c26c9cd0d89d",
        HexFormat.of().formatHex(SignatureAlgorithm.RSA_SHA1.newDigest().digest(abc)));
  }

  /** A digest used before another is made (more than one block, so its state moved on). */
  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void eachDigestIsFreshAndIndependent(SignatureAlgorithm algorithm) {
    boolean sha1 = algorithm == SignatureAlgorithm.RSA_SHA1;
    MessageDigest first = algorithm.newDigest();
    first.update(new byte[200]);
    MessageDigest second = algorithm.newDigest();
    assertNotSame(first, second);
    assertEquals(sha1 ? "SHA-1" : "SHA-256", second.getAlgorithm());
    assertEquals(
        sha1
            ? "da39a3ee5e6b4b0d3255bfef95601890afd80709"
            : "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        HexFormat.of().formatHex(second.digest()),
        "the hash of nothing");
    second.update(new byte[200]);
    assertArrayEquals(first.digest(), second.digest());
  }

  @Test
  void digestsMadeOnManyThreadsAtOnceAreCorrect() throws Exception {
    byte[] expected =
        MessageDigest.getInstance("SHA-256")
            .digest("x".repeat(1000).getBytes(StandardCharsets.US_ASCII));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  boolean all = true;
                  for (int i = 0; i < 2_000; i++) {
                    MessageDigest digest = SignatureAlgorithm.RSA_SHA256.newDigest();
                    for (int k = 0; k < 10; k++) {
                      digest.update("x".repeat(100).getBytes(StandardCharsets.US_ASCII));
                    }
                    all &= MessageDigest.isEqual(expected, digest.digest());
                  }
                  return all;
                }));
      }
      for (Future<Boolean> result : results) {
        assertEquals(true, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
