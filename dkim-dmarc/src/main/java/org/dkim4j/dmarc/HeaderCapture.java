package org.dkim4j.dmarc;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageLimits;
import org.dkim4j.message.MessageReader;
import org.dkim4j.message.MessageTooLargeException;

/**
 * A tee on the message stream: passes every byte through to the reader (the DKIM verifier) and
 * keeps a copy of the header section, up to the empty line that ends it, so that the From field is
 * read from the same single pass. Only the header is kept; the body streams through. Not
 * thread-safe: one per message.
 */
final class HeaderCapture extends FilterInputStream {

  private static final int LINE_START = 0;
  private static final int CR_AT_LINE_START = 1;
  private static final int IN_LINE = 2;

  private final int limit;
  private byte[] header = new byte[4096];
  private int size;
  private int state = LINE_START;
  private boolean complete;
  private boolean overflow;

  HeaderCapture(InputStream in, int limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      capture(b);
    }
    return b;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    int n = super.read(target, offset, length);
    for (int i = 0; i < n && !complete; i++) {
      capture(target[offset + i]);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must be seen too; read them instead.
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    int read = read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void capture(int b) {
    if (complete) {
      return;
    }
    if (size >= limit) {
      overflow = true;
      complete = true;
      return;
    }
    if (size == header.length) {
      header = Arrays.copyOf(header, Math.min(limit, size * 2));
    }
    header[size++] = (byte) b;
    // An empty line ends the header section: LF or CRLF at the start of a line, as MessageReader
    // reads it.
    switch (state) {
      case LINE_START -> {
        if (b == '\n') {
          complete = true;
        } else {
          state = b == '\r' ? CR_AT_LINE_START : IN_LINE;
        }
      }
      case CR_AT_LINE_START -> {
        if (b == '\n') {
          complete = true;
        } else {
          state = IN_LINE;
        }
      }
      default -> {
        if (b == '\n') {
          state = LINE_START;
        }
      }
    }
  }

  /**
   * Reads on until the header section is complete, in case the consumer stopped early (e.g. after a
   * limit). Reads at most into the body's first buffer.
   */
  void completeHeader() throws IOException {
    byte[] buffer = new byte[4096];
    while (!complete && read(buffer, 0, buffer.length) >= 0) {
      // capture() does the work
    }
  }

  /** Returns the Author Domain from the captured header section. */
  AuthorDomain author(MessageLimits limits) throws IOException {
    if (overflow) {
      return AuthorDomain.problem("the header section exceeds " + limit + " bytes");
    }
    List<HeaderField> fields;
    try {
      fields = new MessageReader(new ByteArrayInputStream(header, 0, size), limits).readHeader();
    } catch (MessageTooLargeException e) {
      return AuthorDomain.problem(e.getMessage());
    }
    return AuthorDomain.fromHeader(fields);
  }
}
