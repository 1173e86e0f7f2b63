package org.dkim4j.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link MessageReader} takes header fields whose lines end in CRLF straight from its buffer;
 * {@link ReferenceMessageReader} builds every field line by line. For any input, delivered in reads
 * of any size, they must give the same fields, the same body and the same errors.
 */
class MessageReaderAgreementTest {

  private static final String[] PIECES = {
    "From: a@example.com",
    "Subject:",
    " folded",
    "\tfolded",
    "X",
    ":",
    " ",
    "\t",
    "\r\n",
    "\r\n",
    "\n",
    "\r",
    "\r\r\n",
    "body",
    "é"
  };

  @Test
  void agreesWithTheLineByLineReferenceOnRandomMessagesReadsAndLimits() throws IOException {
    Random random = new Random(5322);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(30);
      boolean crlfOnly = n % 2 == 0; // mostly read in one pass, with no line ending in a bare LF
      for (int i = 0; i < pieces; i++) {
        String piece = PIECES[random.nextInt(PIECES.length)];
        text.append(crlfOnly && piece.equals("\n") ? "\r\n" : piece);
      }
      byte[] message = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      MessageLimits limits =
          random.nextInt(3) == 0
              ? new MessageLimits(1 + random.nextInt(60), 1 + random.nextInt(5))
              : MessageLimits.DEFAULT;
      int read = 1 + random.nextInt(random.nextBoolean() ? 4 : 100);
      String expected = reference(message, limits, read);
      boolean sink = random.nextBoolean();
      String actual = actual(new MessageReader(trickle(message, read), limits), sink);
      assertEquals(
          expected,
          actual,
          () -> HexFormat.of().formatHex(message) + " " + limits + " reads of " + read);
      String inPlace = actual(new MessageReader(message.clone(), limits), sink);
      assertEquals(expected, inPlace, () -> HexFormat.of().formatHex(message) + " " + limits);
      String sharing = actual(MessageReader.sharing(message.clone(), limits), sink);
      assertEquals(expected, sharing, () -> HexFormat.of().formatHex(message) + " " + limits);
    }
  }

  private static String reference(byte[] message, MessageLimits limits, int read)
      throws IOException {
    ReferenceMessageReader reader = new ReferenceMessageReader(trickle(message, read), limits);
    List<HeaderField> fields;
    try {
      fields = reader.readHeader();
    } catch (MessageTooLargeException e) {
      return "error " + e.getMessage();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[7];
    int n;
    while ((n = reader.readBody(buffer, 0, buffer.length)) >= 0) {
      body.write(buffer, 0, n);
    }
    return describe(fields, body.toByteArray());
  }

  private static String actual(MessageReader reader, boolean sink) throws IOException {
    List<HeaderField> fields;
    try {
      fields = reader.readHeader();
    } catch (MessageTooLargeException e) {
      return "error " + e.getMessage();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (sink) {
      reader.readBody(body::write);
    } else {
      byte[] buffer = new byte[7];
      int n;
      while ((n = reader.readBody(buffer, 0, buffer.length)) >= 0) {
        body.write(buffer, 0, n);
      }
    }
    return describe(fields, body.toByteArray());
  }

  @Test
  void readsAMessageArrayInPlaceInSlicesOfAtMost8KbWithoutChangingIt() throws IOException {
    byte[] message = new byte[40_000 + 8];
    java.util.Arrays.fill(message, (byte) 'x');
    System.arraycopy(
        "A: b\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, message, 0, 8);
    byte[] before = message.clone();
    MessageReader reader = new MessageReader(message, MessageLimits.DEFAULT);
    reader.readHeader();
    List<Integer> slices = new ArrayList<>();
    reader.readBody((bytes, offset, length) -> slices.add(length));

    assertEquals(List.of(8192, 8192, 8192, 8192, 40_000 - 4 * 8192), slices);
    assertEquals(-1, reader.readBody(new byte[1], 0, 1));
    org.junit.jupiter.api.Assertions.assertArrayEquals(before, message);
  }

  @Test
  void aMessageArrayWithoutLineBreaksFailsAtTheHeaderLimit() {
    byte[] message = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(message, (byte) 'x');
    MessageReader reader = new MessageReader(message, MessageLimits.DEFAULT);

    MessageTooLargeException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            MessageTooLargeException.class, reader::readHeader);
    assertEquals(
        "header section exceeds " + MessageLimits.DEFAULT.maxHeaderBytes() + " bytes",
        e.getMessage());
  }

  /**
   * Every accessor of each field, and its equality with a field made from a copy of its bytes, so
   * that fields sharing the reader's array read their own range of it and nothing else.
   */
  private static String describe(List<HeaderField> fields, byte[] body) {
    List<String> parts = new ArrayList<>();
    for (HeaderField field : fields) {
      byte[] copied = new byte[field.length() + 2];
      int length = field.copyRaw(copied, 1);
      HeaderField copy = HeaderField.of(field.raw());
      parts.add(
          HexFormat.of().formatHex(field.raw())
              + "/"
              + field.name()
              + "/"
              + field.nameLength()
              + "/"
              + field.value()
              + "/"
              + field.text().equals(copy.text())
              + "/"
              + field.toString().equals(copy.toString())
              + "/"
              + HexFormat.of().formatHex(copied, 1, 1 + length)
              + "/"
              + (field.equals(copy) && copy.equals(field) && field.hashCode() == copy.hashCode())
              + "/"
              + (field.hashCode() == java.util.Arrays.hashCode(field.raw())));
    }
    return parts + " body " + HexFormat.of().formatHex(body);
  }

  /** A stream that gives at most {@code read} bytes per call, and says so in available(). */
  private static InputStream trickle(byte[] message, int read) {
    return new InputStream() {
      int position;

      @Override
      public int read() {
        return position < message.length ? message[position++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= message.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, read), message.length - position);
        System.arraycopy(message, position, b, off, n);
        position += n;
        return n;
      }

      @Override
      public int available() {
        return Math.min(read, message.length - position);
      }
    };
  }
}
