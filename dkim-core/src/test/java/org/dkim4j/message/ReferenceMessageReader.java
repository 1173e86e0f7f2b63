package org.dkim4j.message;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A line-by-line header reader that {@link MessageReader} must agree with: same fields, same body,
 * same errors. Tests only.
 */
final class ReferenceMessageReader {

  private static final int BUFFER_SIZE = 16 * 1024;

  private final InputStream in;
  private final MessageLimits limits;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private boolean headerRead;

  ReferenceMessageReader(InputStream in, MessageLimits limits) {
    this.in = Objects.requireNonNull(in, "in");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Reads the header section up to and including the empty line that ends it (or to the end of
   * input when there is none).
   *
   * @return the header fields, top to bottom
   * @throws MessageTooLargeException when the header section exceeds the limits
   * @throws IllegalStateException when called twice
   */
  List<HeaderField> readHeader() throws IOException {
    if (headerRead) {
      throw new IllegalStateException("the header has already been read");
    }
    headerRead = true;
    List<HeaderField> fields = new ArrayList<>();
    ByteBuilder field = new ByteBuilder();
    ByteBuilder line = new ByteBuilder();
    long total = 0;
    while (true) {
      line.reset();
      boolean endOfInput = !readLine(line);
      total += line.size() + 1;
      if (total > limits.maxHeaderBytes()) {
        throw new MessageTooLargeException(
            "header section exceeds " + limits.maxHeaderBytes() + " bytes");
      }
      if (line.size() == 0) {
        break; // the empty line that separates header and body, or the end of input
      }
      boolean continuation = line.byteAt(0) == ' ' || line.byteAt(0) == '\t';
      if (!continuation || field.size() == 0) {
        if (field.size() > 0) {
          addField(fields, field);
        }
        field.reset();
      }
      field.append(line);
      field.appendCrlf();
      if (endOfInput) {
        break;
      }
    }
    if (field.size() > 0) {
      addField(fields, field);
    }
    return Collections.unmodifiableList(fields);
  }

  private void addField(List<HeaderField> fields, ByteBuilder field) throws IOException {
    if (fields.size() >= limits.maxHeaderFields()) {
      throw new MessageTooLargeException(
          "header section has more than " + limits.maxHeaderFields() + " fields");
    }
    fields.add(HeaderField.fromOwnedBytes(field.toByteArray()));
  }

  /**
   * Reads one line without its line ending into {@code line}. A CR directly before the LF is part
   * of the line ending; any other CR is content.
   *
   * @return false when the input ended before a LF
   */
  private boolean readLine(ByteBuilder line) throws IOException {
    while (true) {
      if (position == limit && !fill()) {
        return false;
      }
      int start = position;
      int end = limit;
      for (int i = start; i < end; i++) {
        if (buffer[i] == '\n') {
          line.append(buffer, start, i - start);
          position = i + 1;
          line.trimTrailingCr();
          return true;
        }
      }
      line.append(buffer, start, end - start);
      position = end;
      if (line.size() > limits.maxHeaderBytes()) {
        throw new MessageTooLargeException(
            "header section exceeds " + limits.maxHeaderBytes() + " bytes");
      }
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      position = limit = 0;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  /**
   * Reads body bytes, exactly as received, after {@link #readHeader()}.
   *
   * @return the number of bytes read, or -1 at the end of the message
   */
  int readBody(byte[] target, int offset, int length) throws IOException {
    if (!headerRead) {
      throw new IllegalStateException("read the header first");
    }
    Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) {
      return 0;
    }
    if (position < limit) {
      int n = Math.min(length, limit - position);
      System.arraycopy(buffer, position, target, offset, n);
      position += n;
      return n;
    }
    return in.read(target, offset, length);
  }

  /** A growable byte array. */
  static final class ByteBuilder {
    private byte[] bytes = new byte[256];
    private int size;

    void append(byte[] source, int offset, int length) {
      ensure(size + length);
      System.arraycopy(source, offset, bytes, size, length);
      size += length;
    }

    void append(ByteBuilder other) {
      append(other.bytes, 0, other.size);
    }

    void appendCrlf() {
      ensure(size + 2);
      bytes[size++] = '\r';
      bytes[size++] = '\n';
    }

    void trimTrailingCr() {
      if (size > 0 && bytes[size - 1] == '\r') {
        size--;
      }
    }

    byte byteAt(int index) {
      return bytes[index];
    }

    int size() {
      return size;
    }

    void reset() {
      size = 0;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }

    private void ensure(int capacity) {
      if (capacity > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
      }
    }
  }
}
