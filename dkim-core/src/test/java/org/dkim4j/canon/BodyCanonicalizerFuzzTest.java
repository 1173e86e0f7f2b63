package org.dkim4j.canon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Body canonicalization (RFC 6376 sections 3.4.3 and 3.4.4) against {@link
 * ReferenceBodyCanonicalizer}, which reads a byte at a time.
 *
 * <p>Input: bytes 0 and 1 are two cut points (taken modulo the length of the rest), the rest is the
 * body. Property: for both canonicalizations, the body canonicalized whole, in three chunks at the
 * cut points, and in three chunks each in an array of its own length (so that a read past a chunk
 * fails), equals the reference's output.
 */
class BodyCanonicalizerFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void agreesWithTheReference(byte[] input) {
    if (input == null || input.length < 2) {
      return;
    }
    byte[] body = Arrays.copyOfRange(input, 2, input.length);
    int first = (input[0] & 0xff) % (body.length + 1);
    int second = (input[1] & 0xff) % (body.length + 1);
    int[] cuts = {Math.min(first, second), Math.max(first, second)};
    for (Canonicalization c : Canonicalization.values()) {
      String expected = ReferenceBodyCanonicalizer.hex(c, body);
      assertEquals(expected, canonicalize(c, body, false), c + " whole");
      assertEquals(expected, canonicalize(c, body, false, cuts), c + " in chunks");
      assertEquals(expected, canonicalize(c, body, true, cuts), c + " in arrays of their own");
    }
  }

  private static String canonicalize(
      Canonicalization c, byte[] body, boolean exactArrays, int... cuts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyCanonicalizer canonicalizer = BodyCanonicalizer.of(c, out::write);
    int from = 0;
    for (int i = 0; i <= cuts.length; i++) {
      int to = i < cuts.length ? cuts[i] : body.length;
      if (exactArrays) {
        canonicalizer.update(Arrays.copyOfRange(body, from, to), 0, to - from);
      } else {
        canonicalizer.update(body, from, to - from);
      }
      from = to;
    }
    canonicalizer.finish();
    return HexFormat.of().formatHex(out.toByteArray());
  }
}
