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

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void eachDigestIsFreshAndIndependent(SignatureAlgorithm algorithm) {
    MessageDigest first = algorithm.newDigest();
    first.update("partial input".getBytes(StandardCharsets.US_ASCII));
    MessageDigest second = algorithm.newDigest();
    assertNotSame(first, second);
    assertArrayEquals(algorithm.newDigest().digest(), second.digest(), "starts empty");
    assertEquals(algorithm.newDigest().getAlgorithm(), second.getAlgorithm());
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
