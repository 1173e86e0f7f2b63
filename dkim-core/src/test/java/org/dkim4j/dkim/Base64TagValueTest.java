package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Base64 tag values (b=, bh=, p=) may carry folding whitespace anywhere (RFC 6376 section 3.2); it
 * is ignored, and every other character that is not base64 makes the value invalid.
 */
class Base64TagValueTest {

  private static final String[] FWS = {" ", "\t", "\r\n ", "\r\n\t", " \r\n \t ", "\r\n"};
  private static final String[] NOT_BASE64 = {
    "\u000b",
    "\f",
    "\u0000",
    "\u001f",
    "!",
    "\u007f",
    "\u0080",
    "\u00a0",
    "\u00c1",
    "\u0100",
    "\u2003",
    "\uD83D\uDE00"
  };

  private static byte[] bytes(int length, long seed) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }

  @Test
  void foldingWhitespaceAtEveryOffsetIsIgnored() {
    for (int length : new int[] {32, 64, 256}) {
      byte[] data = bytes(length, length);
      String encoded = Base64.getEncoder().encodeToString(data);
      for (int at = 0; at <= encoded.length(); at++) {
        for (String fws : FWS) {
          String value = encoded.substring(0, at) + fws + encoded.substring(at);
          assertArrayEquals(data, TagValues.base64("b=", value), () -> value);
        }
      }
    }
  }

  @Test
  void valuesFoldedEveryFewCharactersDecode() {
    byte[] data = bytes(256, 7);
    String encoded = Base64.getEncoder().encodeToString(data);
    for (int width = 1; width <= 80; width++) {
      StringBuilder folded = new StringBuilder();
      for (int i = 0; i < encoded.length(); i += width) {
        folded.append(encoded, i, Math.min(encoded.length(), i + width));
        folded.append(FWS[width % FWS.length]);
      }
      assertArrayEquals(data, TagValues.base64("b=", folded.toString()), "width " + width);
    }
  }

  @Test
  void anyOtherCharacterAtAnyOffsetIsInvalid() {
    String encoded = Base64.getEncoder().encodeToString(bytes(64, 3));
    for (int at = 0; at <= encoded.length(); at++) {
      for (String bad : NOT_BASE64) {
        String value = encoded.substring(0, at) + bad + encoded.substring(at);
        DkimSyntaxException e =
            assertThrows(DkimSyntaxException.class, () -> TagValues.base64("b=", value), value);
        assertEquals("invalid base64 in b=", e.getMessage());
        String folded = encoded.substring(0, at) + "\r\n " + bad + encoded.substring(at);
        assertThrows(DkimSyntaxException.class, () -> TagValues.base64("b=", folded), folded);
      }
    }
  }

  /** Against a byte-by-byte filter, on random bytes of every value, FWS dense and sparse. */
  @Test
  void removingWhitespaceKeepsEveryOtherByteInOrder() {
    Random random = new Random(29);
    byte[] fws = {' ', '\t', '\r', '\n'};
    for (int n = 0; n < 20_000; n++) {
      byte[] bytes = new byte[random.nextInt(100)];
      int density = 1 + random.nextInt(30);
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] =
            random.nextInt(density) == 0 ? fws[random.nextInt(4)] : (byte) random.nextInt(256);
      }
      java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
      for (byte b : bytes) {
        if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
          expected.write(b);
        }
      }
      byte[] input = bytes.clone();
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      byte[] target = new byte[bytes.length - from];
      java.io.ByteArrayOutputStream expectedTail = new java.io.ByteArrayOutputStream();
      for (int i = from; i < bytes.length; i++) {
        if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r' && bytes[i] != '\n') {
          expectedTail.write(bytes[i]);
        }
      }
      int copied = TagValues.copyWithoutFws(bytes, from, bytes.length, target);
      assertArrayEquals(
          expectedTail.toByteArray(),
          java.util.Arrays.copyOf(target, copied),
          () -> "copy from " + from + " of " + java.util.HexFormat.of().formatHex(input));
      assertArrayEquals(input, bytes, "the source of a copy is left as it is");

      int length = TagValues.copyWithoutFws(bytes, 0, bytes.length, bytes);
      assertArrayEquals(
          expected.toByteArray(),
          java.util.Arrays.copyOf(bytes, length),
          () -> java.util.HexFormat.of().formatHex(input));
    }
  }

  @Test
  void onlyWhitespaceOrNothingDecodesToNoBytes() {
    assertEquals(0, TagValues.base64("b=", "").length);
    assertEquals(0, TagValues.base64("b=", " \r\n\t ").length);
  }

  @Test
  void aFoldedSignatureValueParsesToItsBytes() {
    byte[] signature = bytes(256, 11);
    String encoded = Base64.getEncoder().encodeToString(signature);
    String folded =
        encoded.substring(0, 70)
            + "\r\n "
            + encoded.substring(70, 140)
            + "\r\n\t"
            + encoded.substring(140);
    DkimSignature parsed =
        DkimSignature.parse(
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=" + folded);
    assertArrayEquals(signature, parsed.signature());
  }
}
