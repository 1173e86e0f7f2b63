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
    assertEquals("", HeaderField.of(" \t: v\r\n").name());
    assertEquals(0, HeaderField.of(" \t: v\r\n").nameLength());
    HeaderField longName = HeaderField.of("List-Unsubscribe-Post : v: w\r\n");
    assertEquals("List-Unsubscribe-Post", longName.name());
    assertEquals(21, longName.nameLength());
    assertTrue(longName.hasName("list-unsubscribe-post"));
  }

  @Test
  void aNameIsReadOneByteToACharacter() {
    HeaderField utf8 = HeaderField.of("X-\u00e9: v\r\n"); // UTF-8: two bytes for the e-acute
    assertEquals("X-\u00c3\u00a9", utf8.name());
    assertEquals(4, utf8.nameLength());
    assertFalse(utf8.hasName("X-\u00e9"));
    assertTrue(utf8.hasName("x-\u00c3\u00a9"));
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
    // A character is not cut to its low byte: U+212A is not '*' (0x2A), U+01C0 not 0xC0.
    assertFalse(HeaderField.of("X-*: v\r\n").hasName("X-\u212A"));
    HeaderField latinC0 = HeaderField.of("X-\u00c0: v\r\n".getBytes(StandardCharsets.ISO_8859_1));
    assertFalse(latinC0.hasName("X-\u01C0"));
    // A Latin-1 byte matches only its own character, not its upper or lower case.
    HeaderField latin = HeaderField.of("X-\u00e9: v\r\n".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(latin.hasName("x-\u00e9"));
    assertFalse(latin.hasName("x-\u00c9"));
  }

  @Test
  void aFieldWithoutANameMatchesOnlyTheEmptyName() {
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
  void nameAndHasNameAgreeWithReadingTheBytesOneStepAtATime() {
    Random random = new Random(5);
    byte[] alphabet = "aAzZ-_:  \t\u00c0\u00e0x".getBytes(StandardCharsets.ISO_8859_1);
    int matches = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] field = new byte[1 + random.nextInt(20) + 2];
      for (int i = 0; i < field.length - 2; i++) {
        field[i] = alphabet[random.nextInt(alphabet.length)];
      }
      field[field.length - 2] = '\r';
      field[field.length - 1] = '\n';
      HeaderField header = HeaderField.of(field);
      String expectedName = referenceName(field);
      assertEquals(expectedName, header.name());
      assertEquals(expectedName.length(), header.nameLength());
      String other =
          random.nextBoolean() ? flipCase(random, expectedName) : randomName(random, alphabet);
      boolean expected = Ascii.equalsIgnoreCase(expectedName, other);
      matches += expected ? 1 : 0;
      assertEquals(
          expected,
          header.hasName(other),
          () -> "field " + new String(field, StandardCharsets.ISO_8859_1) + ", name " + other);
    }
    assertTrue(matches > 1000, "too few equal names to test: " + matches);
  }

  /** Up to the first colon, SP and HTAB before it dropped; empty without a colon. */
  private static String referenceName(byte[] field) {
    String text = new String(field, StandardCharsets.ISO_8859_1);
    int colon = text.indexOf(':');
    if (colon < 0) {
      return "";
    }
    String name = text.substring(0, colon);
    while (name.endsWith(" ") || name.endsWith("\t")) {
      name = name.substring(0, name.length() - 1);
    }
    return name;
  }

  /** The name with each ASCII letter in a random case, and now and then one character changed. */
  private static String flipCase(Random random, String name) {
    char[] chars = name.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (Character.isLetter(c) && c < 0x80 && random.nextBoolean()) {
        chars[i] = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
      }
    }
    if (chars.length > 0 && random.nextInt(4) == 0) {
      chars[random.nextInt(chars.length)] ^= 0x20; // folds a letter, breaks anything else
    }
    return new String(chars);
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
