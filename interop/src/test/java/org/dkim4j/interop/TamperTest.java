package org.dkim4j.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TamperTest {

  /** A shape with a DKIM-Signature field on top, folded in the message's line endings. */
  static byte[] signed(Shape shape, String signedFields) {
    byte[] message = shape.bytes();
    String eol = Tamper.lineEnding(message);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=s;"
                + eol
                + "\th="
                + signedFields
                + "; bh=AAAA;"
                + eol
                + "\tb=BBBB"
                + eol)
            .getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(message);
    return out.toByteArray();
  }

  static List<Integer> differences(byte[] a, byte[] b) {
    assertEquals(a.length, b.length);
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        at.add(i);
      }
    }
    return at;
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void bodyByteChangesOneByteOfTheBody(Shape shape) {
    byte[] signed = signed(shape, "from:to:subject:from");
    List<Integer> changed = differences(signed, Tamper.BODY_BYTE.apply(signed));
    assertEquals(1, changed.size());
    assertTrue(changed.get(0) >= Tamper.bodyStart(signed));
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void signedHeaderChangesOneByteOfTheSubject(Shape shape) {
    byte[] signed = signed(shape, "from : to : subject : from");
    List<Integer> changed = differences(signed, Tamper.SIGNED_HEADER.apply(signed));
    assertEquals(1, changed.size());
    int subject = Tamper.fieldStart(signed, "subject");
    assertTrue(changed.get(0) > subject + "Subject:".length());
    int lineEnd = subject;
    while (signed[lineEnd] != '\n') {
      lineEnd++;
    }
    assertTrue(changed.get(0) < lineEnd, "on the Subject's first line");
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void signedHeaderRefusesASignatureThatDoesNotCoverSubject(Shape shape) {
    byte[] signed = signed(shape, "from:to:date");
    assertThrows(IllegalStateException.class, () -> Tamper.SIGNED_HEADER.apply(signed));
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void fromOnTopIsAddedInTheMessagesLineEndings(Shape shape) {
    byte[] signed = signed(shape, "from:subject");
    byte[] tampered = Tamper.FROM_ON_TOP.apply(signed);
    String eol = shape == Shape.BARE_LF ? "\n" : "\r\n";
    byte[] added =
        ("From: Mallory <mallory@example.com>" + eol).getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(added, Arrays.copyOf(tampered, added.length));
    assertArrayEquals(signed, Arrays.copyOfRange(tampered, added.length, tampered.length));
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void everyShapeKeepsOneKindOfLineEnding(Shape shape) {
    byte[] message = shape.bytes();
    for (int i = 0; i < message.length; i++) {
      if (message[i] == '\n') {
        boolean crlf = i > 0 && message[i - 1] == '\r';
        assertEquals(shape != Shape.BARE_LF, crlf, "line ending at byte " + i);
      } else if (message[i] == '\r') {
        assertTrue(i + 1 < message.length && message[i + 1] == '\n', "bare CR at byte " + i);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Shape.class,
      names = {"ISO_2022_JP", "QUOTED_PRINTABLE", "BASE64_ATTACHMENT", "PLAIN"})
  void sevenBitShapesHaveNoEightBitByte(Shape shape) {
    for (byte b : shape.bytes()) {
      assertTrue(b >= 0, "8-bit byte in " + shape);
    }
  }
}
