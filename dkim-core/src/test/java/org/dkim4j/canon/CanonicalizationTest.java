package org.dkim4j.canon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalizationTest {

  // RFC 6376 section 3.4.6, written out.
  static final String EXAMPLE_HEADER_A = "A: X\r\n";
  static final String EXAMPLE_HEADER_B = "B : Y\t\r\n\tZ  \r\n";
  static final String EXAMPLE_BODY = " C \r\nD \t E\r\n\r\n\r\n";

  @Test
  void relaxedHeaderExampleOfSection346() {
    assertEquals("a:X\r\n", relaxedHeader(EXAMPLE_HEADER_A));
    assertEquals("b:Y Z\r\n", relaxedHeader(EXAMPLE_HEADER_B));
  }

  @Test
  void relaxedBodyExampleOfSection346() {
    assertEquals(" C\r\nD E\r\n", body(Canonicalization.RELAXED, EXAMPLE_BODY));
  }

  @Test
  void simpleHeaderExampleOfSection346KeepsEveryByte() {
    assertEquals(EXAMPLE_HEADER_B, simpleHeader(EXAMPLE_HEADER_B));
  }

  @Test
  void simpleBodyExampleOfSection346() {
    assertEquals(" C \r\nD \t E\r\n", body(Canonicalization.SIMPLE, EXAMPLE_BODY));
  }

  @ParameterizedTest(name = "simple body [{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|\\r\\n",
        "\\r\\n|\\r\\n",
        "\\r\\n\\r\\n\\r\\n|\\r\\n",
        "a|a\\r\\n",
        "a\\r\\n\\r\\n|a\\r\\n",
        "\\r\\na|\\r\\na\\r\\n",
        "'a \\r\\n '|'a \\r\\n \\r\\n'",
        "a\\nb\\n|a\\r\\nb\\r\\n",
        "a\\rb\\r\\n|a\\rb\\r\\n",
        "a\\r|a\\r\\r\\n",
      })
  void simpleBody(String in, String expected) {
    assertEquals(unescape(expected), body(Canonicalization.SIMPLE, unescape(in)));
  }

  @ParameterizedTest(name = "relaxed body [{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|''",
        "\\r\\n|''",
        " \\t \\r\\n\\r\\n|''",
        "a|a\\r\\n",
        "a  b\\t\\tc \\r\\n|a b c\\r\\n",
        "\\ta\\r\\n|' a\\r\\n'",
        "a\\r\\n \\r\\nb|a\\r\\n\\r\\nb\\r\\n",
        "a\\n\\n\\n|a\\r\\n",
        "a \\rb|a \\rb\\r\\n",
        "a \\r|a \\r\\r\\n",
      })
  void relaxedBody(String in, String expected) {
    assertEquals(unescape(expected), body(Canonicalization.RELAXED, unescape(in)));
  }

  @Test
  void relaxedBodyIgnoresTrailingEmptyLines() {
    assertEquals("x\r\n", body(Canonicalization.RELAXED, "x\r\n\r\n \r\n\t\r\n"));
  }

  @Test
  void emptyLinesInsideTheBodyAreKept() {
    String body = "a\r\n\r\n\r\nb\r\n";
    assertEquals(body, body(Canonicalization.SIMPLE, body));
    assertEquals(body, body(Canonicalization.RELAXED, body));
  }

  @Test
  void manyTrailingEmptyLinesAreDroppedWithoutMemory() {
    BodyCanonicalizer c = BodyCanonicalizer.of(Canonicalization.SIMPLE, (b, o, l) -> {});
    byte[] crlfs = "\r\n".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 100; i++) {
      c.update(crlfs, 0, crlfs.length);
    }
    c.finish();
    // a run of empty lines before content is written out in full
    assertEquals(
        "\r\n".repeat(200) + "z\r\n", body(Canonicalization.SIMPLE, "\r\n".repeat(200) + "z"));
  }

  @Test
  void everyChunkingGivesTheSameOutput() {
    String input = "Hi  there \t\r\n\r\nsplit\r\nlines \n bare\rcr\r\n\r\n \r\n";
    for (Canonicalization c : Canonicalization.values()) {
      String whole = body(c, input);
      byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
      for (int chunk = 1; chunk <= bytes.length; chunk++) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BodyCanonicalizer canonicalizer = BodyCanonicalizer.of(c, out::write);
        for (int i = 0; i < bytes.length; i += chunk) {
          canonicalizer.update(bytes, i, Math.min(chunk, bytes.length - i));
        }
        canonicalizer.finish();
        assertEquals(whole, out.toString(StandardCharsets.ISO_8859_1), c + " chunk " + chunk);
      }
    }
  }

  @Test
  void relaxedHeaderLowercasesOnlyTheNameAndTrimsAroundTheColon() {
    assertEquals("subject:Hello World\r\n", relaxedHeader("SUBJECT  :   Hello    World  \r\n"));
    assertEquals("x:A\r\n", relaxedHeader("X:\r\n A\r\n"));
    assertEquals("x:\r\n", relaxedHeader("X: \t \r\n"));
  }

  @Test
  void relaxedHeaderKeepsNonAsciiBytes() {
    String field = "Subject: caf\u00e9  \u65e5\u672c\r\n";
    byte[] raw = field.getBytes(StandardCharsets.UTF_8);
    byte[] canonical = HeaderCanonicalizer.canonicalize(Canonicalization.RELAXED, raw);
    assertEquals(
        "subject:caf\u00e9 \u65e5\u672c\r\n", new String(canonical, StandardCharsets.UTF_8));
  }

  private static String relaxedHeader(String field) {
    byte[] raw = field.getBytes(StandardCharsets.ISO_8859_1);
    return new String(
        HeaderCanonicalizer.canonicalize(Canonicalization.RELAXED, raw),
        StandardCharsets.ISO_8859_1);
  }

  private static String simpleHeader(String field) {
    byte[] raw = field.getBytes(StandardCharsets.ISO_8859_1);
    return new String(
        HeaderCanonicalizer.canonicalize(Canonicalization.SIMPLE, raw),
        StandardCharsets.ISO_8859_1);
  }

  static String body(Canonicalization canonicalization, String body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyCanonicalizer canonicalizer = BodyCanonicalizer.of(canonicalization, out::write);
    byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
    canonicalizer.update(bytes, 0, bytes.length);
    canonicalizer.finish();
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  static String unescape(String s) {
    return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
  }
}
