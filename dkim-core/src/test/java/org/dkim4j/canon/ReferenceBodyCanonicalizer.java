package org.dkim4j.canon;

import java.util.Objects;

/**
 * A straightforward body canonicalizer, RFC 6376 sections 3.4.3 and 3.4.4, that {@link
 * BodyCanonicalizer} must agree with byte for byte: it decides line by line and byte by byte what
 * the RFC says, without the faster scanning of the real one. Tests only.
 */
abstract sealed class ReferenceBodyCanonicalizer
    permits ReferenceBodyCanonicalizer.Simple, ReferenceBodyCanonicalizer.Relaxed {

  static final byte CR = '\r';
  static final byte LF = '\n';
  private static final byte[] CRLFS = crlfs(64);
  private static final byte[] LONE_CR = {CR};

  final ByteSink out;
  private long pendingEmptyLines;
  private boolean pendingCr;
  boolean lineHasContent;
  boolean wroteAnything;

  ReferenceBodyCanonicalizer(ByteSink out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Returns a canonicalizer of the given kind writing to {@code out}. */
  static ReferenceBodyCanonicalizer of(Canonicalization canonicalization, ByteSink out) {
    return canonicalization == Canonicalization.SIMPLE ? new Simple(out) : new Relaxed(out);
  }

  /** Returns {@code body} canonicalized whole, in hex, as the tests compare it. */
  static String hex(Canonicalization canonicalization, byte[] body) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ReferenceBodyCanonicalizer canonicalizer = of(canonicalization, out::write);
    canonicalizer.update(body, 0, body.length);
    canonicalizer.finish();
    return java.util.HexFormat.of().formatHex(out.toByteArray());
  }

  /** Canonicalizes the next {@code length} bytes of the body. */
  final void update(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    int i = offset;
    int end = offset + length;
    if (pendingCr && i < end) {
      pendingCr = false;
      if (bytes[i] == LF) {
        endLine();
        i++;
      } else {
        content(LONE_CR, 0, 1);
      }
    }
    while (i < end) {
      byte b = bytes[i];
      if (b == LF) {
        endLine();
        i++;
      } else if (b == CR) {
        if (i + 1 == end) {
          pendingCr = true;
          i++;
        } else if (bytes[i + 1] == LF) {
          endLine();
          i += 2;
        } else {
          content(LONE_CR, 0, 1);
          i++;
        }
      } else {
        i = scan(bytes, i, end);
      }
    }
  }

  /** Ends the body: writes the final line ending and drops trailing empty lines. */
  final void finish() {
    if (pendingCr) {
      pendingCr = false;
      content(LONE_CR, 0, 1);
    }
    if (lineHasContent) {
      writeCrlf();
      lineHasContent = false;
    }
    pendingEmptyLines = 0;
    finishEmpty();
  }

  /** Consumes content starting at {@code from} (not CR or LF); returns the next offset. */
  abstract int scan(byte[] bytes, int from, int end);

  /** Called at the end; the simple algorithm writes CRLF for an empty body here. */
  abstract void finishEmpty();

  /** Writes line content, first releasing empty lines held back before it. */
  void content(byte[] bytes, int offset, int length) {
    startLine();
    out.write(bytes, offset, length);
  }

  final void startLine() {
    if (!lineHasContent) {
      while (pendingEmptyLines > 0) {
        int n = (int) Math.min(pendingEmptyLines, CRLFS.length / 2);
        out.write(CRLFS, 0, n * 2);
        pendingEmptyLines -= n;
      }
      lineHasContent = true;
      wroteAnything = true;
    }
  }

  void endLine() {
    if (lineHasContent) {
      writeCrlf();
      lineHasContent = false;
    } else {
      pendingEmptyLines++;
    }
  }

  final void writeCrlf() {
    out.write(CRLFS, 0, 2);
    wroteAnything = true;
  }

  private static byte[] crlfs(int count) {
    byte[] bytes = new byte[count * 2];
    for (int i = 0; i < bytes.length; i += 2) {
      bytes[i] = CR;
      bytes[i + 1] = LF;
    }
    return bytes;
  }

  /** Section 3.4.3: only trailing empty lines are removed; an empty body becomes CRLF. */
  static final class Simple extends ReferenceBodyCanonicalizer {
    Simple(ByteSink out) {
      super(out);
    }

    @Override
    int scan(byte[] bytes, int from, int end) {
      int i = from + 1;
      while (i < end && bytes[i] != CR && bytes[i] != LF) {
        i++;
      }
      content(bytes, from, i - from);
      return i;
    }

    @Override
    void finishEmpty() {
      if (!wroteAnything) {
        writeCrlf();
      }
    }
  }

  /**
   * Section 3.4.4: whitespace at line ends is removed, other whitespace runs become one space,
   * trailing empty lines are removed, and an empty body stays empty.
   */
  static final class Relaxed extends ReferenceBodyCanonicalizer {
    private static final byte[] SPACE = {' '};
    private boolean pendingSpace;

    Relaxed(ByteSink out) {
      super(out);
    }

    @Override
    int scan(byte[] bytes, int from, int end) {
      byte b = bytes[from];
      if (b == ' ' || b == '\t') {
        pendingSpace = true;
        return from + 1;
      }
      int i = from + 1;
      while (i < end) {
        byte c = bytes[i];
        if (c == ' ' && i + 1 < end && isPlain(bytes[i + 1])) {
          i += 2; // a single space between words passes unchanged
        } else if (isPlain(c)) {
          i++;
        } else {
          break;
        }
      }
      content(bytes, from, i - from);
      return i;
    }

    private static boolean isPlain(byte c) {
      return c != ' ' && c != '\t' && c != CR && c != LF;
    }

    @Override
    void content(byte[] bytes, int offset, int length) {
      if (pendingSpace) {
        pendingSpace = false;
        super.content(SPACE, 0, 1);
      }
      super.content(bytes, offset, length);
    }

    @Override
    void endLine() {
      pendingSpace = false;
      super.endLine();
    }

    @Override
    void finishEmpty() {}
  }
}
