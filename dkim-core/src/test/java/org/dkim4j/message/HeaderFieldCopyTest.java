package org.dkim4j.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
}
