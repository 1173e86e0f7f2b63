package org.dkim4j.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The field name: read up to the colon, compared on the bytes, made a String only when asked. */
class HeaderFieldNameTest {

  @Test
  void theNameEndsAtTheColonWithoutTheWhitespaceBeforeIt() {
    assertEquals("Subject", HeaderField.of("Subject: hi\r\n").name());
    assertEquals("Subject", HeaderField.of("Subject \t : hi\r\n").name());
    assertEquals("X-A", HeaderField.of("X-A:B: c\r\n").name());
    assertEquals("", HeaderField.of("no colon here\r\n").name());
    assertEquals("", HeaderField.of(": empty name\r\n").name());
    assertEquals(7, HeaderField.of("Subject \t : hi\r\n").nameLength());
    assertEquals(0, HeaderField.of("no colon here\r\n").nameLength());
  }

  @Test
  void hasNameFoldsOnlyAsciiLetters() {
    HeaderField field = HeaderField.of("DKIM-Signature \t: v=1\r\n");
    assertTrue(field.hasName("dkim-signature"));
    assertTrue(field.hasName("DKIM-SIGNATURE"));
    assertFalse(field.hasName("dkim-signatur"));
    assertFalse(field.hasName("dkim-signature "));
    assertFalse(field.hasName("dkim_signature"));
    // U+212A KELVIN SIGN folds to k in String.equalsIgnoreCase, never here.
    assertFalse(HeaderField.of("K: v\r\n").hasName("\u212A"));
    assertFalse(HeaderField.of("\u212A: v\r\n").hasName("k"));
    // A Latin-1 byte matches only its own character, not its upper or lower case.
    HeaderField latin = HeaderField.of("X-\u00e9: v\r\n".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(latin.hasName("x-\u00e9"));
    assertFalse(latin.hasName("x-\u00c9"));
  }

  @Test
  void aFieldWithoutANameMatchesNoName() {
    assertFalse(HeaderField.of("no colon here\r\n").hasName("no colon here"));
    assertTrue(HeaderField.of("no colon here\r\n").hasName(""));
    assertFalse(HeaderField.of(": v\r\n").hasName(":"));
  }

  @Test
  void theNameIsMadeOnceAndKept() {
    HeaderField field = HeaderField.of("From: a@example.com\r\n");
    assertSame(field.name(), field.name());
  }

  @Test
  void hasNameAgreesWithComparingTheNameString() {
    Random random = new Random(5);
    byte[] alphabet = "aAzZ-_:  \t\u00c0\u00e0x".getBytes(StandardCharsets.ISO_8859_1);
    int matches = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] raw = new byte[1 + random.nextInt(8)];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = alphabet[random.nextInt(alphabet.length)];
      }
      byte[] field = new byte[raw.length + 2];
      System.arraycopy(raw, 0, field, 0, raw.length);
      field[raw.length] = '\r';
      field[raw.length + 1] = '\n';
      HeaderField header = HeaderField.of(field);
      String other = randomName(random, alphabet);
      assertEquals(header.name().length(), header.nameLength());
      boolean expected = Ascii.equalsIgnoreCase(header.name(), other);
      matches += expected ? 1 : 0;
      assertEquals(
          expected,
          header.hasName(other),
          () -> "field " + new String(field, StandardCharsets.ISO_8859_1) + ", name " + other);
    }
    assertTrue(matches > 1000, "too few equal names to test: " + matches);
  }

  private static String randomName(Random random, byte[] alphabet) {
    StringBuilder name = new StringBuilder();
    int length = random.nextInt(4);
    for (int i = 0; i < length; i++) {
      name.append((char) (alphabet[random.nextInt(alphabet.length)] & 0xff));
    }
    return name.toString();
  }
}
