package org.dkim4j.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dkim4j.canon.Canonicalization;
import org.junit.jupiter.api.Test;

class HeaderFieldCopyTest {

  private static final HeaderField FIELD = HeaderField.of("Subject: Hi\r\n there\r\n");

  @Test
  void copiesTheRawBytesAtTheOffsetAndNothingElse() {
    byte[] target = new byte[FIELD.length() + 4];
    Arrays.fill(target, (byte) '#');

    int copied = FIELD.copyRaw(target, 2);

    assertEquals(FIELD.length(), copied);
    assertArrayEquals(FIELD.raw(), Arrays.copyOfRange(target, 2, 2 + copied));
    assertEquals("##", new String(target, 0, 2, StandardCharsets.US_ASCII));
    assertEquals("##", new String(target, 2 + copied, 2, StandardCharsets.US_ASCII));
  }

  @Test
  void refusesATargetTooShortAndWritesNothing() {
    byte[] target = new byte[FIELD.length() + 1];

    assertThrows(IndexOutOfBoundsException.class, () -> FIELD.copyRaw(target, 2));
    assertArrayEquals(new byte[target.length], target);
  }

  @Test
  void theCopyDoesNotShareTheFieldsBytes() {
    byte[] target = new byte[FIELD.length()];
    FIELD.copyRaw(target, 0);
    target[0] = 'X';

    assertEquals("Subject: Hi\r\n there\r\n", FIELD.text());
  }

  @Test
  void copiesTheCanonicalFormReadFromTheMessage() throws Exception {
    byte[] message =
        "To: a\r\nSubject:  Hi \r\n\tthere\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
    HeaderField subject = MessageReader.sharing(message, MessageLimits.DEFAULT).readHeader().get(1);
    byte[] target = new byte[subject.length() + 4];
    Arrays.fill(target, (byte) '#');

    int relaxed = subject.copyCanonical(Canonicalization.RELAXED, target, 1);

    assertEquals(
        "#subject:Hi there\r\n#", new String(target, 0, relaxed + 2, StandardCharsets.US_ASCII));
    assertEquals(
        "Subject:  Hi \r\n\tthere\r\n",
        new String(
            target,
            1,
            subject.copyCanonical(Canonicalization.SIMPLE, target, 1),
            StandardCharsets.US_ASCII));
    assertEquals("To: a\r\nSubject:  Hi ", new String(message, 0, 20, StandardCharsets.US_ASCII));
    assertThrows(
        IllegalArgumentException.class,
        () -> subject.copyCanonical(Canonicalization.RELAXED, message, 7),
        "the message the field reads from");
    assertEquals("To: a\r\nSubject:  Hi ", new String(message, 0, 20, StandardCharsets.US_ASCII));
  }

  @Test
  void aFieldMadeWithoutCrlfGetsOneWhenRelaxed() {
    HeaderField field = HeaderField.of("X-Note :  one  two ");
    byte[] target = new byte[field.length() + 2];

    int length = field.copyCanonical(Canonicalization.RELAXED, target, 0);

    assertEquals("x-note:one two\r\n", new String(target, 0, length, StandardCharsets.US_ASCII));
    assertEquals(field.length(), field.copyCanonical(Canonicalization.SIMPLE, target, 0));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> field.copyCanonical(Canonicalization.RELAXED, new byte[field.length() + 1], 0));
  }
}
