package org.dkim4j.canon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link BodyCanonicalizer} scans eight bytes at a time and passes unchanged runs on whole; {@link
 * ReferenceBodyCanonicalizer} decides byte by byte. They must write the same bytes for any body,
 * cut into chunks anywhere.
 */
class BodyCanonicalizerAgreementTest {

  /** Bytes that matter to canonicalization, and neighbours that a word-wide test could confuse. */
  private static final byte[] ALPHABET = {
    'a',
    'b',
    ' ',
    ' ',
    '\t',
    '\r',
    '\n',
    '\r',
    '\n',
    0x0C,
    0x01,
    0x1F,
    '!',
    0x0E,
    0x0D - 1,
    (byte) 0x80,
    (byte) 0xA0,
    (byte) 0xFF
  };

  @ParameterizedTest
  @EnumSource(Canonicalization.class)
  void agreesWithTheByteByByteReferenceOnRandomBodiesAndChunkings(Canonicalization c) {
    Random random = new Random(6376);
    for (int n = 0; n < 20_000; n++) {
      byte[] body = randomBody(random);
      String expected = ReferenceBodyCanonicalizer.hex(c, body);
      assertEquals(expected, canonicalize(c, body, body.length), () -> describe(c, body, "whole"));
      int chunk = 1 + random.nextInt(Math.max(1, body.length));
      assertEquals(expected, canonicalize(c, body, chunk), () -> describe(c, body, "" + chunk));
      assertEquals(expected, canonicalizeRandomly(c, body, random), () -> describe(c, body, "?"));
    }
  }

  @ParameterizedTest
  @EnumSource(Canonicalization.class)
  void agreesOnLongPlainRunsWithOneSpecialByteAtEveryOffset(Canonicalization c) {
    for (byte special : new byte[] {' ', '\t', '\r', '\n', 0x0C, '!'}) {
      for (int length = 1; length < 40; length++) {
        for (int at = 0; at < length; at++) {
          byte[] body = new byte[length];
          java.util.Arrays.fill(body, (byte) 'x');
          body[at] = special;
          if (at + 1 < length) {
            body[at + 1] = (byte) (length % 2 == 0 ? ' ' : 'y');
          }
          String expected = ReferenceBodyCanonicalizer.hex(c, body);
          for (int chunk = 1; chunk <= length; chunk++) {
            int size = chunk;
            assertEquals(expected, canonicalize(c, body, size), () -> describe(c, body, "" + size));
          }
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Canonicalization.class)
  void agreesOnRandomLinesOfText(Canonicalization c) {
    String[] endings = {"\r\n", "\r\n", "\r\n", "\n", "\r", " \r\n", "\t\r\n", ""};
    String[] starts = {"", "", "", " ", "\t", "  "};
    Random random = new Random(6376_2);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int lines = random.nextInt(12);
      for (int line = 0; line < lines; line++) {
        if (random.nextInt(5) > 0) {
          text.append(starts[random.nextInt(starts.length)]);
          int words = random.nextInt(6);
          for (int w = 0; w < words; w++) {
            text.append(w > 0 ? (random.nextInt(8) == 0 ? "  " : " ") : "");
            text.append("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVph", 0, 1 + random.nextInt(30));
          }
        }
        text.append(endings[random.nextInt(endings.length)]);
      }
      byte[] body = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      String expected = ReferenceBodyCanonicalizer.hex(c, body);
      assertEquals(expected, canonicalize(c, body, body.length), () -> describe(c, body, "whole"));
      int chunk = 1 + random.nextInt(Math.max(1, body.length));
      assertEquals(expected, canonicalize(c, body, chunk), () -> describe(c, body, "" + chunk));
      assertEquals(expected, canonicalizeRandomly(c, body, random), () -> describe(c, body, "?"));
    }
  }

  @ParameterizedTest
  @EnumSource(Canonicalization.class)
  void agreesOnLongBase64AndFlowedTextWithRareSpecialBytes(Canonicalization c) {
    // Long runs, as in real mail, so the sixteen-byte loop runs and hands over at every offset.
    byte[] specials = {' ', '\t', '\r', '\n', '!', 0x0C};
    Random random = new Random(6376_3);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      int lines = 1 + random.nextInt(40);
      for (int line = 0; line < lines; line++) {
        int width = random.nextInt(90);
        boolean base64 = random.nextBoolean();
        for (int i = 0; i < width; i++) {
          text.append(base64 || random.nextInt(6) != 0 ? (char) ('A' + random.nextInt(26)) : ' ');
        }
        text.append(random.nextInt(3) == 0 ? " \r\n" : "\r\n");
      }
      byte[] body = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      for (int k = random.nextInt(4); k > 0 && body.length > 0; k--) {
        body[random.nextInt(body.length)] = specials[random.nextInt(specials.length)];
      }
      String expected = ReferenceBodyCanonicalizer.hex(c, body);
      assertEquals(expected, canonicalize(c, body, body.length), () -> describe(c, body, "whole"));
      int chunk = 1 + random.nextInt(Math.max(1, body.length));
      assertEquals(expected, canonicalize(c, body, chunk), () -> describe(c, body, "" + chunk));
    }
  }

  @ParameterizedTest
  @EnumSource(Canonicalization.class)
  void agreesOnLinesOfOneLengthWithOneSpecialByteOrOneLengthChangeAnywhere(Canonicalization c) {
    // Lines of one length, as base64 is written, are tested a line at a time once two have
    // passed: a special byte, or a line one byte longer or shorter, must end that at every offset.
    byte[] specials = {
      ' ', '\t', '\r', '\n', 0x0C, 0x1F, '!', (byte) 0x80, (byte) 0x8D, (byte) 0xA0, (byte) 0xFF
    };
    Random random = new Random(6376_4);
    for (int width : new int[] {15, 16, 17, 24, 31, 32, 33, 76}) {
      StringBuilder text = new StringBuilder();
      for (int line = 0; line < 7; line++) {
        for (int i = 0; i < width; i++) {
          text.append((char) ('A' + random.nextInt(26)));
        }
        text.append("\r\n");
      }
      byte[] lines = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      for (int length = 0; length <= lines.length; length++) {
        assertAgrees(c, java.util.Arrays.copyOf(lines, length), width, random); // ends anywhere
      }
      for (int at = 0; at < lines.length; at++) {
        for (byte special : specials) {
          byte[] body = lines.clone();
          body[at] = special;
          assertAgrees(c, body, width, random);
        }
        byte[] shorter = new byte[lines.length - 1];
        System.arraycopy(lines, 0, shorter, 0, at);
        System.arraycopy(lines, at + 1, shorter, at, lines.length - at - 1);
        assertAgrees(c, shorter, width, random);
        byte[] longer = new byte[lines.length + 1];
        System.arraycopy(lines, 0, longer, 0, at);
        longer[at] = 'x';
        System.arraycopy(lines, at, longer, at + 1, lines.length - at);
        assertAgrees(c, longer, width, random);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Canonicalization.class)
  void agreesOnParagraphBreaksAndSpacesBeforeLineBreaksSplitAnywhere(Canonicalization c) {
    // Text as mail clients write it: the relaxed scan passes an empty line between lines of text,
    // and drops one space before a line break, only when text follows within the chunk.
    String[] endings = {
      "\r\n",
      " \r\n",
      "\r\n\r\n",
      " \r\n\r\n",
      "\r\n\r\n\r\n",
      "  \r\n",
      "\r\n \r\n",
      "\r\n\t\r\n",
      "\r\n\r\n ",
      "\n\r\n",
      "\r\n\n"
    };
    Random random = new Random(6376_5);
    for (int n = 0; n < 150; n++) {
      StringBuilder text = new StringBuilder();
      int lines = 1 + random.nextInt(10);
      for (int line = 0; line < lines; line++) {
        int width = random.nextInt(40);
        for (int i = 0; i < width; i++) {
          text.append(i > 0 && random.nextInt(6) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        text.append(endings[random.nextInt(endings.length)]);
      }
      byte[] body = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      String expected = ReferenceBodyCanonicalizer.hex(c, body);
      assertEquals(expected, canonicalize(c, body, body.length), () -> describe(c, body, "whole"));
      for (int split = 0; split <= body.length; split++) {
        int at = split;
        assertEquals(
            expected, canonicalizeInExactArrays(c, body, at), () -> describe(c, body, "@" + at));
      }
    }
  }

  private static void assertAgrees(Canonicalization c, byte[] body, int width, Random random) {
    String expected = ReferenceBodyCanonicalizer.hex(c, body);
    assertEquals(expected, canonicalize(c, body, body.length), () -> describe(c, body, "whole"));
    assertEquals(expected, canonicalize(c, body, width + 2), () -> describe(c, body, "line"));
    int chunk = 1 + random.nextInt(Math.max(1, body.length));
    assertEquals(expected, canonicalize(c, body, chunk), () -> describe(c, body, "" + chunk));
    int split = random.nextInt(body.length + 1);
    assertEquals(
        expected, canonicalizeInExactArrays(c, body, split), () -> describe(c, body, "@" + split));
  }

  /**
   * Canonicalizes the body in two chunks, each in an array of its own length, so that reading past
   * the end of a chunk fails instead of seeing the bytes after it.
   */
  private static String canonicalizeInExactArrays(Canonicalization c, byte[] body, int split) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyCanonicalizer canonicalizer = BodyCanonicalizer.of(c, out::write);
    canonicalizer.update(java.util.Arrays.copyOf(body, split), 0, split);
    canonicalizer.update(
        java.util.Arrays.copyOfRange(body, split, body.length), 0, body.length - split);
    canonicalizer.finish();
    return HexFormat.of().formatHex(out.toByteArray());
  }

  private static byte[] randomBody(Random random) {
    int length = random.nextInt(random.nextBoolean() ? 12 : 80);
    byte[] body = new byte[length];
    boolean plain = random.nextInt(4) == 0; // mostly letters, a few specials
    for (int i = 0; i < length; i++) {
      body[i] =
          plain && random.nextInt(6) != 0
              ? (byte) ('a' + random.nextInt(26))
              : ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return body;
  }

  private static String canonicalize(Canonicalization c, byte[] body, int chunk) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyCanonicalizer canonicalizer = BodyCanonicalizer.of(c, out::write);
    for (int i = 0; i < body.length; i += chunk) {
      canonicalizer.update(body, i, Math.min(chunk, body.length - i));
    }
    canonicalizer.finish();
    return HexFormat.of().formatHex(out.toByteArray());
  }

  private static String canonicalizeRandomly(Canonicalization c, byte[] body, Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyCanonicalizer canonicalizer = BodyCanonicalizer.of(c, out::write);
    int i = 0;
    while (i < body.length) {
      int n = random.nextInt(Math.min(20, body.length - i) + 1); // empty updates too
      byte[] copy = new byte[n + 4];
      System.arraycopy(body, i, copy, 2, n); // at an offset, in an array with other bytes
      copy[0] = copy[1] = copy[n + 2] = copy[n + 3] = ' ';
      canonicalizer.update(copy, 2, n);
      i += n;
    }
    canonicalizer.finish();
    return HexFormat.of().formatHex(out.toByteArray());
  }

  private static String describe(Canonicalization c, byte[] body, String chunk) {
    return c + " body " + HexFormat.of().formatHex(body) + " chunk " + chunk;
  }
}
