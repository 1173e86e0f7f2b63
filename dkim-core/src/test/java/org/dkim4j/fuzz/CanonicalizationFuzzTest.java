package org.dkim4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dkim4j.canon.BodyCanonicalizer;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.canon.HeaderCanonicalizer;
import org.dkim4j.message.Ascii;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageReader;

/**
 * The canonicalizers of RFC 6376 section 3.4.
 *
 * <p>Input: bytes 0 and 1 are two cut points (taken modulo the length of the rest), the rest is
 * both a body and a header section (whose fields, as {@link MessageReader} reads them, are
 * canonicalized). Properties: body canonicalization gives the same output whatever the chunks it is
 * fed in; both body algorithms and relaxed header canonicalization are idempotent; relaxed after
 * simple equals relaxed; relaxed body output has no tab, no two spaces in a row, no space before a
 * line break and no trailing empty line; simple body output ends in exactly one CRLF; relaxed
 * header output has a lowercase name, no whitespace around the colon, and a value without tab, two
 * spaces in a row or a space at either end, followed by CRLF.
 */
class CanonicalizationFuzzTest {

  private static final byte[] CRLF = {'\r', '\n'};

  @FuzzTest(maxDuration = "10m")
  void canonicalizationIsStableAndChunkingIndependent(byte[] input) {
    if (input == null || input.length < 2) {
      return;
    }
    byte[] data = Arrays.copyOfRange(input, 2, input.length);
    int first = (input[0] & 0xff) % (data.length + 1);
    int second = (input[1] & 0xff) % (data.length + 1);
    int[] cuts = {Math.min(first, second), Math.max(first, second)};

    for (Canonicalization c : Canonicalization.values()) {
      byte[] whole = body(c, data);
      assertArrayEquals(whole, body(c, data, cuts), c + " body depends on chunking");
      assertArrayEquals(whole, bytewise(c, data), c + " body depends on chunking (bytewise)");
      assertArrayEquals(whole, body(c, whole), c + " body is not idempotent");
    }

    byte[] relaxed = body(Canonicalization.RELAXED, data);
    assertArrayEquals(relaxed, body(Canonicalization.RELAXED, body(Canonicalization.SIMPLE, data)));
    assertFalse(contains(relaxed, "\t"), "tab in relaxed body");
    assertFalse(contains(relaxed, "  "), "two spaces in relaxed body");
    assertFalse(contains(relaxed, " \r\n"), "space before CRLF in relaxed body");
    assertTrue(relaxed.length == 0 || endsWith(relaxed, "\r\n"), "relaxed body without final CRLF");
    assertFalse(endsWith(relaxed, "\r\n\r\n"), "trailing empty line in relaxed body");

    byte[] simple = body(Canonicalization.SIMPLE, data);
    assertTrue(endsWith(simple, "\r\n"), "simple body without final CRLF");
    assertTrue(
        Arrays.equals(simple, CRLF) || !endsWith(simple, "\r\n\r\n"),
        "trailing empty line in simple body");

    // Any bytes may be canonicalized without failing; the properties below hold for fields as
    // MessageReader delivers them (CRLF line endings, every continuation line starting with
    // whitespace). A bare LF is outside that contract: "CR CRLF LF" would unfold to a new CRLF.
    HeaderCanonicalizer.canonicalize(Canonicalization.RELAXED, data);
    try {
      for (HeaderField field : new MessageReader(new ByteArrayInputStream(data)).readHeader()) {
        header(field.raw());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void header(byte[] raw) {
    assertArrayEquals(raw, HeaderCanonicalizer.canonicalize(Canonicalization.SIMPLE, raw));
    byte[] once = HeaderCanonicalizer.canonicalize(Canonicalization.RELAXED, raw);
    byte[] twice = HeaderCanonicalizer.canonicalize(Canonicalization.RELAXED, once);
    assertArrayEquals(once, twice, "relaxed header canonicalization is not idempotent");
    assertTrue(endsWith(once, "\r\n"), "relaxed header without final CRLF");
    byte[] content = Arrays.copyOf(once, once.length - 2);
    int colon = indexOf(raw, (byte) ':');
    // A name cannot hold whitespace (RFC 5322 ftext), so only the value is checked for it.
    byte[] value =
        Arrays.copyOfRange(
            content, colon < 0 ? 0 : indexOf(content, (byte) ':') + 1, content.length);
    assertFalse(contains(value, "\t"), "tab in relaxed header value");
    assertFalse(contains(value, "  "), "two spaces in relaxed header value");
    assertFalse(value.length > 0 && value[value.length - 1] == ' ', "space at the end");
    assertFalse(value.length > 0 && value[0] == ' ', "space at the start of the value");
    if (colon >= 0) {
      int outColon = indexOf(once, (byte) ':');
      assertTrue(outColon >= 0, "the colon was lost");
      String name = new String(once, 0, outColon, StandardCharsets.ISO_8859_1);
      assertEquals(Ascii.toLowerCase(name), name, "name not lowercase");
      assertFalse(name.endsWith(" ") || name.endsWith("\t"), "whitespace before the colon");
    }
  }

  private static byte[] body(Canonicalization c, byte[] data, int... cuts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyCanonicalizer canonicalizer = BodyCanonicalizer.of(c, out::write);
    int from = 0;
    for (int cut : cuts) {
      canonicalizer.update(data, from, cut - from);
      from = cut;
    }
    canonicalizer.update(data, from, data.length - from);
    canonicalizer.finish();
    return out.toByteArray();
  }

  private static byte[] bytewise(Canonicalization c, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyCanonicalizer canonicalizer = BodyCanonicalizer.of(c, out::write);
    byte[] padded = new byte[data.length + 2];
    System.arraycopy(data, 0, padded, 1, data.length);
    for (int i = 0; i < data.length; i++) {
      canonicalizer.update(padded, i + 1, 1);
      canonicalizer.update(padded, 0, 0);
    }
    canonicalizer.finish();
    return out.toByteArray();
  }

  private static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
  }

  private static boolean endsWith(byte[] bytes, String suffix) {
    return new String(bytes, StandardCharsets.ISO_8859_1).endsWith(suffix);
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
