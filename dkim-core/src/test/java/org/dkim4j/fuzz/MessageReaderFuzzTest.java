package org.dkim4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageLimits;
import org.dkim4j.message.MessageReader;
import org.dkim4j.message.MessageTooLargeException;

/**
 * {@link MessageReader} against a plain model of what it promises.
 *
 * <p>Input: byte 0 chooses the limits ({@code '*'}: the defaults; otherwise at most {@code 1 + 4 *
 * b0} header bytes and {@code 1 + (b0 & 15)} fields), byte 1 how many bytes the stream hands out
 * per read and how many the caller asks for per body read; the rest is the message.
 *
 * <p>The model: the header section is the lines up to the first empty one (or the end of input). A
 * line ends at LF; one CR right before that LF belongs to the line ending; a last line without LF
 * keeps all its bytes. Each line is stored followed by CRLF. A line starting with SP or HT
 * continues the current field, any other starts a new one (so does the first line). The header
 * counts {@code length + 1} bytes per line read, the ending empty line included. The body is every
 * byte after the empty line, untouched. Reading fails with {@link MessageTooLargeException} exactly
 * when that count exceeds the byte limit or the fields exceed the field limit, and fails in no
 * other way.
 */
class MessageReaderFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void readsHeaderAndBodyAsTheModelSays(byte[] input) throws IOException {
    if (input == null || input.length < 2) {
      return;
    }
    int settings = input[0] & 0xff;
    MessageLimits limits =
        settings == '*'
            ? MessageLimits.DEFAULT
            : new MessageLimits(1 + 4 * settings, 1 + (settings & 15));
    int chunk = 1 + (input[1] & 0x3f);
    int bodyRead = 1 + ((input[1] >> 6) & 3) * 5;
    byte[] message = Arrays.copyOfRange(input, 2, input.length);

    Model expected = Model.of(message);
    boolean tooLarge =
        expected.headerCount > limits.maxHeaderBytes()
            || expected.fields.size() > limits.maxHeaderFields();

    MessageReader reader = new MessageReader(new ChunkedStream(message, chunk), limits);
    List<HeaderField> fields;
    try {
      fields = reader.readHeader();
    } catch (MessageTooLargeException e) {
      assertTrue(tooLarge, "MessageTooLargeException within the limits: " + e.getMessage());
      return;
    }
    if (tooLarge) {
      fail(
          "a header of "
              + expected.headerCount
              + " bytes and "
              + expected.fields.size()
              + " fields passed "
              + limits);
    }

    assertEquals(expected.fields.size(), fields.size(), "number of fields");
    long counted = 0;
    for (int i = 0; i < fields.size(); i++) {
      byte[] raw = fields.get(i).raw();
      assertArrayEquals(expected.fields.get(i), raw, "field " + i);
      assertEquals(raw.length, fields.get(i).length());
      checkFieldShape(raw, i == 0);
      counted += raw.length - lineFeeds(raw);
    }
    assertTrue(counted <= limits.maxHeaderBytes(), "the fields exceed the byte limit");

    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[bodyRead + 3];
    int n;
    while ((n = reader.readBody(buffer, 1, bodyRead)) >= 0) {
      assertTrue(n <= bodyRead, "readBody returned more than asked for");
      body.write(buffer, 1, n);
    }
    assertArrayEquals(expected.body, body.toByteArray(), "body");
  }

  /** Every field ends in CRLF; each inner line break is CRLF followed by SP or HT. */
  private static void checkFieldShape(byte[] raw, boolean first) {
    int n = raw.length;
    assertTrue(n >= 3 && raw[n - 2] == '\r' && raw[n - 1] == '\n', "field without CRLF");
    if (!first) {
      assertTrue(raw[0] != ' ' && raw[0] != '\t', "a continuation line started a field");
    }
    for (int i = 0; i < n - 1; i++) {
      if (raw[i] == '\n') {
        assertTrue(raw[i - 1] == '\r', "bare LF kept in a field");
        assertTrue(raw[i + 1] == ' ' || raw[i + 1] == '\t', "line break that does not fold");
      }
    }
  }

  private static int lineFeeds(byte[] raw) {
    int count = 0;
    for (byte b : raw) {
      if (b == '\n') {
        count++;
      }
    }
    return count;
  }

  /** The reference reading of a message. */
  private static final class Model {
    final List<byte[]> fields = new ArrayList<>();
    long headerCount;
    byte[] body;

    static Model of(byte[] in) {
      Model model = new Model();
      List<ByteArrayOutputStream> fields = new ArrayList<>();
      ByteArrayOutputStream current = null;
      int pos = 0;
      while (true) {
        int lf = indexOf(in, pos);
        boolean endOfInput = lf < 0;
        int end = endOfInput ? in.length : lf;
        if (!endOfInput && end > pos && in[end - 1] == '\r') {
          end--;
        }
        byte[] line = Arrays.copyOfRange(in, pos, end);
        pos = endOfInput ? in.length : lf + 1;
        model.headerCount += line.length + 1;
        if (line.length == 0) {
          break;
        }
        if (current == null || (line[0] != ' ' && line[0] != '\t')) {
          current = new ByteArrayOutputStream();
          fields.add(current);
        }
        current.writeBytes(line);
        current.write('\r');
        current.write('\n');
        if (endOfInput) {
          break;
        }
      }
      fields.forEach(f -> model.fields.add(f.toByteArray()));
      model.body = Arrays.copyOfRange(in, pos, in.length);
      return model;
    }

    private static int indexOf(byte[] in, int from) {
      for (int i = from; i < in.length; i++) {
        if (in[i] == '\n') {
          return i;
        }
      }
      return -1;
    }
  }

  /** Hands out at most {@code chunk} bytes per read, as a network stream may. */
  private static final class ChunkedStream extends InputStream {
    private final byte[] data;
    private final int chunk;
    private int position;

    ChunkedStream(byte[] data, int chunk) {
      this.data = data;
      this.chunk = chunk;
    }

    @Override
    public int read() {
      return position < data.length ? data[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(length, chunk), data.length - position);
      System.arraycopy(data, position, target, offset, n);
      position += n;
      return n;
    }
  }
}
