package org.dkim4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-byte searches against byte-by-byte loops, on random bytes of every value. */
class ByteSearchTest {

  @Test
  void indexOfAgreesWithALoop() {
    Random random = new Random(41);
    byte[] wanted = {'\n', ';', ':', '=', 0, (byte) 0x80, (byte) 0xff, 0x01};
    for (int n = 0; n < 50_000; n++) {
      byte[] bytes = randomBytes(random);
      byte b = wanted[random.nextInt(wanted.length)];
      for (int k = random.nextInt(3); k > 0 && bytes.length > 0; k--) {
        bytes[random.nextInt(bytes.length)] = b;
      }
      int from = random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);
      int expected = -1;
      for (int i = from; i < to; i++) {
        if (bytes[i] == b) {
          expected = i;
          break;
        }
      }
      assertEquals(
          expected,
          ByteSearch.indexOf(bytes, b, from, to),
          () -> HexFormat.of().formatHex(bytes) + " " + b + " " + from + ".." + to);
    }
  }

  @Test
  void indexOfAtMostSpaceAgreesWithALoop() {
    Random random = new Random(43);
    for (int n = 0; n < 50_000; n++) {
      byte[] bytes = randomBytes(random);
      int from = random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);
      int expected = to;
      for (int i = from; i < to; i++) {
        if ((bytes[i] & 0xff) <= 0x20) {
          expected = i;
          break;
        }
      }
      assertEquals(
          expected,
          ByteSearch.indexOfAtMostSpace(bytes, from, to),
          () -> HexFormat.of().formatHex(bytes) + " " + from + ".." + to);
    }
  }

  /** Mostly bytes above 0x20, so that matches are far apart and the eight-byte loop runs. */
  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(70)];
    int sparse = 1 + random.nextInt(40);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] =
          random.nextInt(sparse) == 0
              ? (byte) random.nextInt(256)
              : (byte) (0x21 + random.nextInt(0x7f - 0x21) + (random.nextBoolean() ? 0x80 : 0));
    }
    return bytes;
  }
}
