package org.dkim4j.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageReaderTest {

  @Test
  void keepsFoldingAndReturnsTheBodyUntouched() throws IOException {
    String message = "Subject: a\r\n  folded\r\nFrom: x@example.com\r\n\r\nbody\nline\r\n";
    MessageReader reader = reader(message);
    List<HeaderField> fields = reader.readHeader();
    assertEquals(2, fields.size());
    assertEquals("Subject", fields.get(0).name());
    assertEquals("Subject: a\r\n  folded\r\n", fields.get(0).text());
    assertEquals(" a\r\n  folded", fields.get(0).value());
    assertEquals("body\nline\r\n", body(reader));
  }

  @Test
  void readsBareLfHeaderLinesAsCrlf() throws IOException {
    MessageReader reader = reader("A: 1\n 2\nB: 3\n\nbody\n");
    List<HeaderField> fields = reader.readHeader();
    assertEquals("A: 1\r\n 2\r\n", fields.get(0).text());
    assertEquals("B: 3\r\n", fields.get(1).text());
    assertEquals("body\n", body(reader));
  }

  @Test
  void messageWithoutBodySeparatorHasAnEmptyBody() throws IOException {
    MessageReader reader = reader("A: 1\r\nB: 2");
    List<HeaderField> fields = reader.readHeader();
    assertEquals(2, fields.size());
    assertEquals("B: 2\r\n", fields.get(1).text());
    assertEquals("", body(reader));
  }

  @Test
  void nameIgnoresWhitespaceBeforeTheColonAndMatchesAsciiCaseOnly() throws IOException {
    List<HeaderField> fields = reader("FROM \t: x\r\n\r\n").readHeader();
    assertEquals("FROM", fields.get(0).name());
    assertTrue(fields.get(0).hasName("from"));
    // U+212A KELVIN SIGN lowercases to 'k' in Java; header names must not match it.
    assertEquals(false, HeaderField.of("\u212Aey: v\r\n").hasName("key"));
  }

  @Test
  void lineWithoutColonHasAnEmptyName() throws IOException {
    List<HeaderField> fields = reader("garbage line\r\nA: 1\r\n\r\n").readHeader();
    assertEquals("", fields.get(0).name());
    assertEquals("A", fields.get(1).name());
  }

  @Test
  void headerLimitsAreEnforced() {
    String many = "A: 1\r\n".repeat(11) + "\r\n";
    MessageTooLargeException e =
        assertThrows(
            MessageTooLargeException.class,
            () -> reader(many, new MessageLimits(1 << 20, 10)).readHeader());
    assertTrue(e.getMessage().contains("more than 10 fields"), e.getMessage());
    String big = "A: " + "x".repeat(5000) + "\r\n\r\n";
    assertThrows(
        MessageTooLargeException.class,
        () -> reader(big, new MessageLimits(4096, 10)).readHeader());
  }

  @Test
  void bodyBytesComeBackExactlyWhateverTheBufferBoundary() throws IOException {
    byte[] body = new byte[100_000];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    byte[] head = "A: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] message = new byte[head.length + body.length];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    MessageReader reader = new MessageReader(new ByteArrayInputStream(message));
    reader.readHeader();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[777];
    int n;
    while ((n = reader.readBody(buffer, 0, buffer.length)) >= 0) {
      out.write(buffer, 0, n);
    }
    assertArrayEquals(body, out.toByteArray());
  }

  private static MessageReader reader(String message) {
    return reader(message, MessageLimits.DEFAULT);
  }

  private static MessageReader reader(String message, MessageLimits limits) {
    return new MessageReader(
        new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)), limits);
  }

  private static String body(MessageReader reader) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[3];
    int n;
    while ((n = reader.readBody(buffer, 0, buffer.length)) >= 0) {
      out.write(buffer, 0, n);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSharingReaderGivesFieldsThatAreRangesOfTheMessage() throws IOException {
    byte[] message =
        "A: one\r\nB: two\r\n three\nC: four\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII);
    List<HeaderField> fields = MessageReader.sharing(message, MessageLimits.DEFAULT).readHeader();
    List<HeaderField> copies = new MessageReader(message, MessageLimits.DEFAULT).readHeader();

    assertEquals(copies, fields);
    message[3] = 'X'; // in "A: one"
    message[message.length - 12] = 'Y'; // in "C: four"

    assertEquals(" Xne", fields.get(0).value(), "a CRLF field is a range of the array");
    assertEquals(" two\r\n three", fields.get(1).value(), "a field with a bare LF is a copy");
    assertEquals(" Your", fields.get(2).value());
    assertEquals(" one", copies.get(0).value(), "the other constructor copies every field");
    assertEquals(" four", copies.get(2).value());
  }
}
