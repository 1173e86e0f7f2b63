package org.dkim4j.message;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.dkim4j.canon.ByteSink;
import org.dkim4j.internal.ByteSearch;

/**
 * Reads an RFC 5322 message front to back: first the header fields, kept as raw bytes, then the
 * body as a stream of bytes, never holding the whole body in memory.
 *
 * <p>Header lines may end in CRLF or in a bare LF; a bare LF is read as CRLF, as every major DKIM
 * implementation does. The body is returned exactly as received, its line endings untouched (the
 * body canonicalizers treat bare LF as CRLF too).
 *
 * <p>Not thread-safe: one reader per message.
 */
public final class MessageReader {

  /**
   * Buffer bounds: a small message is read in one go, a larger one in 8 KB slices, which stay in
   * the processor's first-level cache while they are scanned, canonicalized and hashed (measured
   * with the benchmarks module: 16 KB slices verified a 100 KB message about 14% slower).
   */
  private static final int MIN_BUFFER = 4 * 1024;

  private static final int MAX_BUFFER = 8 * 1024;

  /** The buffer for a stream that does not say how much it has. */
  private static final int DEFAULT_BUFFER = 8 * 1024;

  /** The stream to read, or null for a message given as an array, which is then the buffer. */
  private final InputStream in;

  private final MessageLimits limits;

  /** Whether header fields keep ranges of the caller's message array instead of copies. */
  private final boolean sharing;

  private byte[] buffer;
  private int position;
  private int limit;
  private boolean headerRead;

  /**
   * Creates a reader with the default limits.
   *
   * @param in the message; read as needed, never closed
   */
  public MessageReader(InputStream in) {
    this(in, MessageLimits.DEFAULT);
  }

  /**
   * Creates a reader with the given limits.
   *
   * @param in the message; read as needed, never closed
   * @param limits the bounds on the header section
   */
  public MessageReader(InputStream in, MessageLimits limits) {
    this.in = Objects.requireNonNull(in, "in");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.sharing = false;
  }

  /**
   * Creates a reader of a message already in memory, with the given limits. The reader works on
   * {@code message} itself, without copying it, and never modifies it; the caller must not modify
   * it while the reader is in use.
   *
   * @param message the whole message, header and body
   * @param limits the bounds on the header section
   */
  public MessageReader(byte[] message, MessageLimits limits) {
    this(message, limits, false);
  }

  private MessageReader(byte[] message, MessageLimits limits, boolean sharing) {
    this.in = null;
    this.limits = Objects.requireNonNull(limits, "limits");
    this.sharing = sharing;
    this.buffer = Objects.requireNonNull(message, "message");
    this.limit = message.length;
  }

  /**
   * Creates a reader of a message in memory whose header fields share {@code message}'s bytes
   * instead of copying them: a field whose lines all end in CRLF is a range of the array, so it
   * changes if the array does. For callers that are done with the fields before the array is
   * modified or reused, as dkim4j's signer and verifier are when they return; {@link
   * #MessageReader(byte[], MessageLimits)}, which copies each field, suits every other use.
   *
   * @param message the whole message, header and body; never modified by the reader
   * @param limits the bounds on the header section
   * @return a reader over {@code message}
   */
  public static MessageReader sharing(byte[] message, MessageLimits limits) {
    return new MessageReader(message, limits, true);
  }

  /**
   * Reads the header section up to and including the empty line that ends it (or to the end of
   * input when there is none).
   *
   * @return the header fields, top to bottom
   * @throws MessageTooLargeException when the header section exceeds the limits
   * @throws IllegalStateException when called twice
   */
  public List<HeaderField> readHeader() throws IOException {
    if (headerRead) {
      throw new IllegalStateException("the header has already been read");
    }
    headerRead = true;
    if (in == null) {
      List<HeaderField> fields = readHeaderOfArray();
      if (fields != null) {
        return fields;
      }
    }
    List<HeaderField> fields = new ArrayList<>();
    // The field being read is either in `field`, or, while every line of it ends in CRLF and is
    // still in the buffer, the buffer's bytes from fieldStart to fieldEnd, copied only once.
    ByteBuilder field = new ByteBuilder();
    int fieldStart = -1;
    int fieldEnd = -1;
    ByteBuilder line = new ByteBuilder();
    long total = 0;
    while (true) {
      if (position == limit && fieldStart >= 0) {
        field.append(buffer, fieldStart, fieldEnd - fieldStart); // before the buffer is refilled
        fieldStart = -1;
      }
      boolean more = position < limit || fill();
      int lf = more ? ByteSearch.indexOf(buffer, (byte) '\n', position, limit) : -1;
      int start = position;
      int contentEnd;
      boolean endOfInput = false;
      int size;
      byte first;
      if (lf >= 0) {
        contentEnd = lf > start && buffer[lf - 1] == '\r' ? lf - 1 : lf;
        position = lf + 1;
        size = contentEnd - start;
        first = size > 0 ? buffer[start] : 0;
      } else if (!more) {
        contentEnd = -1;
        endOfInput = true;
        size = 0;
        first = 0;
      } else {
        if (fieldStart >= 0) {
          field.append(buffer, fieldStart, fieldEnd - fieldStart); // the line goes past the buffer
          fieldStart = -1;
        }
        contentEnd = -1;
        line.reset();
        endOfInput = !readLine(line);
        size = line.size();
        first = size > 0 ? line.byteAt(0) : 0;
      }
      total += size + 1;
      if (total > limits.maxHeaderBytes()) {
        throw new MessageTooLargeException(
            "header section exceeds " + limits.maxHeaderBytes() + " bytes");
      }
      if (size == 0) {
        break; // the empty line that separates header and body, or the end of input
      }
      boolean continuation = first == ' ' || first == '\t';
      boolean fieldEmpty = fieldStart < 0 && field.size() == 0;
      if (!continuation || fieldEmpty) {
        if (!fieldEmpty) {
          addField(fields, field(field, fieldStart, fieldEnd));
        }
        field.reset();
        fieldStart = -1;
        fieldEmpty = true;
      }
      boolean crlf = lf >= 0 && contentEnd < lf;
      if (crlf && (fieldEmpty || fieldStart >= 0)) {
        if (fieldEmpty) {
          fieldStart = start; // the field as received, up to this line's CRLF
        }
        fieldEnd = lf + 1;
      } else {
        if (fieldStart >= 0) {
          field.append(buffer, fieldStart, fieldEnd - fieldStart);
          fieldStart = -1;
        }
        if (lf >= 0) {
          field.append(buffer, start, contentEnd - start);
        } else {
          field.append(line);
        }
        field.appendCrlf();
      }
      if (endOfInput) {
        break;
      }
    }
    if (fieldStart >= 0 || field.size() > 0) {
      addField(fields, field(field, fieldStart, fieldEnd));
    }
    return Collections.unmodifiableList(fields);
  }

  /**
   * Reads the header of a message array in one pass when every field line of it ends in CRLF, as
   * nearly every message's do, and it is within the limits: each field is a range of the array,
   * shared or copied. The empty line that ends the header may be a bare LF. Returns {@code null},
   * having read nothing, for any other header (a field line ending in a bare LF, no empty line
   * before the end, a limit exceeded), which the general loop reads.
   */
  private List<HeaderField> readHeaderOfArray() {
    byte[] bytes = buffer;
    List<HeaderField> fields = new ArrayList<>(24);
    int fieldStart = -1;
    int fieldEnd = -1;
    long total = 0;
    int start = position;
    while (true) {
      int lf = ByteSearch.indexOf(bytes, (byte) '\n', start, limit);
      if (lf < 0) {
        return null;
      }
      boolean crlf = lf > start && bytes[lf - 1] == '\r';
      int size = crlf ? lf - 1 - start : lf - start;
      total += size + 1;
      if (total > limits.maxHeaderBytes()) {
        return null;
      }
      if (size == 0) {
        start = lf + 1; // after the empty line that ends the header
        break;
      }
      if (!crlf) {
        return null;
      }
      byte first = bytes[start];
      if ((first != ' ' && first != '\t') || fieldStart < 0) {
        if (fieldStart >= 0) {
          if (fields.size() >= limits.maxHeaderFields()) {
            return null;
          }
          fields.add(range(fieldStart, fieldEnd));
        }
        fieldStart = start;
      }
      fieldEnd = lf + 1;
      start = lf + 1;
    }
    if (fieldStart >= 0) {
      if (fields.size() >= limits.maxHeaderFields()) {
        return null;
      }
      fields.add(range(fieldStart, fieldEnd));
    }
    position = start;
    return Collections.unmodifiableList(fields);
  }

  /** The field that is the buffer's bytes from {@code start} to {@code end}: shared or copied. */
  private HeaderField range(int start, int end) {
    return sharing
        ? HeaderField.over(buffer, start, end - start)
        : HeaderField.fromOwnedBytes(Arrays.copyOfRange(buffer, start, end));
  }

  /**
   * The field read: the buffer's bytes from {@code fieldStart} to {@code fieldEnd} when they are
   * the field as received, shared when the buffer is the caller's array and sharing was asked for;
   * otherwise {@code field}'s bytes.
   */
  private HeaderField field(ByteBuilder field, int fieldStart, int fieldEnd) {
    if (fieldStart < 0) {
      return HeaderField.fromOwnedBytes(field.toByteArray());
    }
    return range(fieldStart, fieldEnd);
  }

  private void addField(List<HeaderField> fields, HeaderField field) throws IOException {
    if (fields.size() >= limits.maxHeaderFields()) {
      throw new MessageTooLargeException(
          "header section has more than " + limits.maxHeaderFields() + " fields");
    }
    fields.add(field);
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
      if (line.size() + (long) (end - start) > limits.maxHeaderBytes()) {
        // Before copying: a message array may hold far more than the limit on this one line.
        throw new MessageTooLargeException(
            "header section exceeds " + limits.maxHeaderBytes() + " bytes");
      }
      line.append(buffer, start, end - start);
      position = end;
    }
  }

  private boolean fill() throws IOException {
    if (in == null) {
      return false; // the whole message is in the buffer already
    }
    if (buffer == null) {
      int available = in.available();
      int size =
          available <= 0 ? DEFAULT_BUFFER : Math.max(MIN_BUFFER, Math.min(MAX_BUFFER, available));
      buffer = new byte[size];
    }
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
   * @param target receives the bytes
   * @param offset index in {@code target} of the first byte to write
   * @param length the most bytes to read
   * @return the number of bytes read, or -1 at the end of the message
   * @throws IOException when reading the underlying stream fails
   * @throws IllegalStateException if the header has not been read
   */
  public int readBody(byte[] target, int offset, int length) throws IOException {
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
    return in == null ? -1 : in.read(target, offset, length);
  }

  /**
   * Reads the rest of the body, after {@link #readHeader()}, and passes it to {@code sink} exactly
   * as received, in slices of the reader's own buffer (or of the message array it was given),
   * without copying it again. Slices are at most 8 KB, so that what the sink does with one stays in
   * the processor's cache. The sink must neither keep nor modify the array it is given.
   *
   * @param sink receives the body bytes, in order
   * @throws IOException when reading the underlying stream fails
   * @throws IllegalStateException when the header has not been read yet
   */
  public void readBody(ByteSink sink) throws IOException {
    if (!headerRead) {
      throw new IllegalStateException("read the header first");
    }
    Objects.requireNonNull(sink, "sink");
    while (position < limit) {
      int start = position;
      position = Math.min(limit, start + MAX_BUFFER);
      sink.write(buffer, start, position - start);
    }
    while (fill()) {
      position = limit;
      sink.write(buffer, 0, limit);
    }
  }

  /** A growable byte array. */
  static final class ByteBuilder {
    private static final byte[] EMPTY = {};
    private byte[] bytes = EMPTY;
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
        bytes = Arrays.copyOf(bytes, Math.max(Math.max(capacity, 256), bytes.length * 2));
      }
    }
  }
}
