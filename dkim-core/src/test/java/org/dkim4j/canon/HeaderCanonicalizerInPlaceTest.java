package org.dkim4j.canon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HeaderCanonicalizer#canonicalizeInPlace} overwrites the field it reads. It must give what
 * RFC 6376 section 3.4.2 says, written here the plain way with string operations, for any field, at
 * any offset, and leave the bytes around the field alone.
 */
class HeaderCanonicalizerInPlaceTest {

  private static final String[] PIECES = {
    "a", "B", "Subject", "x-Y", " ", " ", "\t", "  ", "\r\n ", "\r\n\t", "\r", "\n", ":", "!",
    "\u00e9", "\u001f", "\r\r\n ", "\r\n\n"
  };

  @Test
  void relaxedAgreesWithTheSectionWrittenOutForRandomFields() {
    Random random = new Random(3_4_2);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder field = new StringBuilder();
      int pieces = random.nextInt(14);
      for (int i = 0; i < pieces; i++) {
        field.append(PIECES[random.nextInt(PIECES.length)]);
      }
      field.append("\r\n");
      byte[] raw = field.toString().getBytes(StandardCharsets.ISO_8859_1);
      String expected = reference(field.toString());
      int offset = random.nextInt(4);
      byte[] buffer = new byte[offset + raw.length + 3];
      Arrays.fill(buffer, (byte) '#');
      System.arraycopy(raw, 0, buffer, offset, raw.length);

      int length =
          HeaderCanonicalizer.canonicalizeInPlace(
              Canonicalization.RELAXED, buffer, offset, raw.length);

      String actual = new String(buffer, offset, length, StandardCharsets.ISO_8859_1);
      assertEquals(expected, actual, () -> "field " + HexFormat.of().formatHex(raw));
      for (int i = 0; i < offset; i++) {
        assertEquals('#', buffer[i], "byte before the field");
      }
      for (int i = offset + raw.length; i < buffer.length; i++) {
        assertEquals('#', buffer[i], "byte after the field");
      }
      assertArrayEquals(
          expected.getBytes(StandardCharsets.ISO_8859_1),
          HeaderCanonicalizer.canonicalize(Canonicalization.RELAXED, raw));
      assertCopyAgrees(raw, expected, random);
    }
  }

  private static final String[] LONG_PIECES = {
    "word",
    "Quarterly",
    "<alice@example.com>",
    "x",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    " \t",
    "\r\n ",
    "\r\n\t",
    ",",
    "!",
    "\u0021",
    "\u00e9\u00e8",
    "\u001f",
    "\r",
    "\n"
  };

  @Test
  void relaxedAgreesWithTheSectionWrittenOutForLongValues() {
    // Values long enough to be read eight bytes at a time, mostly words and single spaces.
    Random random = new Random(8_4_2);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder field = new StringBuilder(random.nextBoolean() ? "Subject:" : "X-Long : ");
      int pieces = 8 + random.nextInt(60);
      for (int i = 0; i < pieces; i++) {
        int pick = random.nextInt(LONG_PIECES.length + 6);
        field.append(pick < LONG_PIECES.length ? LONG_PIECES[pick] : pick % 2 == 0 ? " " : "w");
      }
      field.append("\r\n");
      byte[] raw = field.toString().getBytes(StandardCharsets.ISO_8859_1);
      byte[] buffer = Arrays.copyOf(raw, raw.length + 1);
      buffer[raw.length] = '#';

      int length =
          HeaderCanonicalizer.canonicalizeInPlace(Canonicalization.RELAXED, buffer, 0, raw.length);

      assertEquals(
          reference(field.toString()),
          new String(buffer, 0, length, StandardCharsets.ISO_8859_1),
          () -> "field " + HexFormat.of().formatHex(raw));
      assertEquals('#', buffer[raw.length], "byte after the field");
      assertCopyAgrees(raw, reference(field.toString()), random);
    }
  }

  @Test
  void simpleLeavesTheFieldAsItIs() {
    byte[] buffer = "##X :  a\r\n b\r\n##".getBytes(StandardCharsets.ISO_8859_1);
    byte[] before = buffer.clone();

    int length = HeaderCanonicalizer.canonicalizeInPlace(Canonicalization.SIMPLE, buffer, 2, 12);

    assertEquals(12, length);
    assertArrayEquals(before, buffer);
  }

  @Test
  void relaxedRejectsAFieldWithoutItsCrlf() {
    byte[] buffer = "Subject: no line ending".getBytes(StandardCharsets.ISO_8859_1);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HeaderCanonicalizer.canonicalizeInPlace(
                    Canonicalization.RELAXED, buffer, 0, buffer.length));
    assertEquals("a header field must end in CRLF", e.getMessage());
  }

  @Test
  void rejectsARangeOutsideTheBuffer() {
    byte[] buffer = "A: b\r\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThrows(
        IndexOutOfBoundsException.class,
        () -> HeaderCanonicalizer.canonicalizeInPlace(Canonicalization.RELAXED, buffer, 2, 5));
  }

  @Test
  void namesOfEveryLengthLowercaseOnlyAsciiLettersAndLeaveTheValueAlone() {
    // Names are lowercased eight bytes at a time: every byte value, next to every letter boundary
    // ('@' and 'A', 'Z' and '[', '`' and 'a', 'z' and '{', and bytes above 0x7F), at every
    // position and for every length up to a few words, followed by an upper-case value.
    Random random = new Random(5_322);
    String boundaries = "@AZ[`az{\u00c1\u00da\u00ff\u0080-_.0129";
    for (int length = 1; length <= 26; length++) {
      for (int n = 0; n < 400; n++) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < length; i++) {
          char c =
              random.nextBoolean()
                  ? boundaries.charAt(random.nextInt(boundaries.length()))
                  : (char) (0x21 + random.nextInt(0xff - 0x21));
          name.append(c == ':' || c == 0x7f ? 'Q' : c);
        }
        String field = name + (random.nextBoolean() ? ": " : " :\t") + "VALUE Z\r\n";
        byte[] raw = field.getBytes(StandardCharsets.ISO_8859_1);
        int offset = random.nextInt(9);
        int after = random.nextInt(3); // up to the end of the buffer, or with bytes after it
        byte[] buffer = new byte[offset + raw.length + after];
        Arrays.fill(buffer, (byte) 'A');
        System.arraycopy(raw, 0, buffer, offset, raw.length);

        int result =
            HeaderCanonicalizer.canonicalizeInPlace(
                Canonicalization.RELAXED, buffer, offset, raw.length);

        assertEquals(
            reference(field),
            new String(buffer, offset, result, StandardCharsets.ISO_8859_1),
            () -> "field " + HexFormat.of().formatHex(raw));
        for (int i = 0; i < offset; i++) {
          assertEquals('A', buffer[i], "byte before the field");
        }
        assertCopyAgrees(raw, reference(field), random);
      }
    }
  }

  /**
   * {@link HeaderCanonicalizer#canonicalize(Canonicalization, byte[], int, int, byte[], int)}, from
   * a source at some offset into a target at another: the same canonical form, the source as it
   * was, and the target's bytes around the canonical form as they were.
   */
  private static void assertCopyAgrees(byte[] raw, String expected, Random random) {
    int offset = random.nextInt(5);
    byte[] source = new byte[offset + raw.length + random.nextInt(3)];
    Arrays.fill(source, (byte) 'Z');
    System.arraycopy(raw, 0, source, offset, raw.length);
    byte[] sourceBefore = source.clone();
    int targetOffset = random.nextInt(5);
    byte[] target = new byte[targetOffset + raw.length + random.nextInt(3)];
    Arrays.fill(target, (byte) 'Q');

    int length =
        HeaderCanonicalizer.canonicalize(
            Canonicalization.RELAXED, source, offset, raw.length, target, targetOffset);

    String copy = new String(target, targetOffset, length, StandardCharsets.ISO_8859_1);
    assertEquals(expected, copy, () -> "copy of " + HexFormat.of().formatHex(raw));
    assertArrayEquals(sourceBefore, source, "source");
    for (int i = 0; i < target.length; i++) {
      if (i < targetOffset || i >= targetOffset + length) {
        assertEquals('Q', target[i], "target byte " + i + " outside the canonical form");
      }
    }
  }

  @Test
  void copyKeepsSimpleAsItIsAndRefusesWhatItCannotDo() {
    byte[] source = "X :  a\r\n b\r\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] target = new byte[source.length + 2];
    assertEquals(
        source.length,
        HeaderCanonicalizer.canonicalize(
            Canonicalization.SIMPLE, source, 0, source.length, target, 2));
    assertArrayEquals(source, Arrays.copyOfRange(target, 2, target.length));

    byte[] noCrlf = "X: a".getBytes(StandardCharsets.ISO_8859_1);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            HeaderCanonicalizer.canonicalize(
                Canonicalization.RELAXED, noCrlf, 0, noCrlf.length, new byte[8], 0));
    byte[] shared = "X: a\r\n....".getBytes(StandardCharsets.ISO_8859_1);
    assertThrows(
        IllegalArgumentException.class,
        () -> HeaderCanonicalizer.canonicalize(Canonicalization.RELAXED, shared, 0, 6, shared, 4));
    assertEquals(
        5, HeaderCanonicalizer.canonicalize(Canonicalization.RELAXED, shared, 0, 6, shared, 0));
    assertEquals("x:a\r\n", new String(shared, 0, 5, StandardCharsets.ISO_8859_1));
    assertThrows(
        IndexOutOfBoundsException.class,
        () ->
            HeaderCanonicalizer.canonicalize(
                Canonicalization.RELAXED, source, 0, source.length, new byte[4], 0));
  }

  /**
   * Section 3.4.2 step by step: lowercase the name, unfold (delete every CRLF), turn each run of
   * WSP into one space, delete WSP at the end of the value, delete WSP before and after the colon.
   */
  private static String reference(String field) {
    String content = field.substring(0, field.length() - 2);
    int colon = content.indexOf(':');
    String name = colon < 0 ? null : content.substring(0, colon).replaceAll("[ \t]+\\z", "");
    String value = colon < 0 ? content : content.substring(colon + 1);
    value = value.replace("\r\n", "").replaceAll("[ \t]+", " ");
    value = value.replaceAll("\\A ", "").replaceAll(" \\z", "");
    String lowerName = name == null ? "" : asciiLowerCase(name) + ":";
    return lowerName + value + "\r\n";
  }

  private static String asciiLowerCase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return out.toString();
  }
}
