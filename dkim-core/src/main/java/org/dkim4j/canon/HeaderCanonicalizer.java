package org.dkim4j.canon;

import java.io.ByteArrayOutputStream;

/** Header field canonicalization, RFC 6376 sections 3.4.1 (simple) and 3.4.2 (relaxed). */
public final class HeaderCanonicalizer {
  private HeaderCanonicalizer() {}

  /**
   * Canonicalizes one raw header field (name, colon, value, folding and terminating CRLF).
   *
   * @param canonicalization {@link Canonicalization#SIMPLE} (RFC 6376 section 3.4.1) or {@link
   *     Canonicalization#RELAXED} (section 3.4.2)
   * @param rawField the field exactly as in the message, with its terminating CRLF; not modified
   * @return the canonical form, ending in CRLF
   */
  public static byte[] canonicalize(Canonicalization canonicalization, byte[] rawField) {
    return canonicalization == Canonicalization.SIMPLE ? rawField.clone() : relaxed(rawField);
  }

  /**
   * Relaxed: lowercase the name, unfold, reduce whitespace runs to one space, delete whitespace at
   * the end of the value and around the colon, end with CRLF.
   */
  static byte[] relaxed(byte[] raw) {
    int end = raw.length;
    if (end >= 2 && raw[end - 2] == '\r' && raw[end - 1] == '\n') {
      end -= 2;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(end + 2);
    int colon = indexOf(raw, (byte) ':', end);
    int valueStart;
    if (colon < 0) {
      valueStart = 0; // no name: canonicalize the whole line as a value
    } else {
      int nameEnd = colon;
      while (nameEnd > 0 && isWhitespace(raw[nameEnd - 1])) {
        nameEnd--;
      }
      for (int i = 0; i < nameEnd; i++) {
        byte b = raw[i];
        out.write(b >= 'A' && b <= 'Z' ? b + 32 : b);
      }
      out.write(':');
      valueStart = colon + 1;
    }
    boolean pendingSpace = false;
    boolean started = false;
    for (int i = valueStart; i < end; i++) {
      byte b = raw[i];
      if ((b == '\r' || b == '\n') && isFoldingBreak(raw, i, end)) {
        continue; // unfold; the whitespace after the break starts a run
      }
      if (b == ' ' || b == '\t') {
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && started) {
        out.write(' ');
      }
      pendingSpace = false;
      started = true;
      out.write(b);
    }
    out.write('\r');
    out.write('\n');
    return out.toByteArray();
  }

  /** A CR or LF that belongs to a CRLF folding break (RFC 5322 section 2.2.3). */
  private static boolean isFoldingBreak(byte[] raw, int i, int end) {
    if (raw[i] == '\r') {
      return i + 1 < end && raw[i + 1] == '\n';
    }
    return raw[i] == '\n' && i > 0 && raw[i - 1] == '\r';
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t';
  }

  private static int indexOf(byte[] raw, byte value, int end) {
    for (int i = 0; i < end; i++) {
      if (raw[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
