package org.dkim4j.canon;

import java.util.Arrays;

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
    byte[] out = new byte[end + 2]; // canonical form is never longer
    int n = 0;
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
        out[n++] = b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
      }
      out[n++] = ':';
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
        out[n++] = ' ';
      }
      pendingSpace = false;
      started = true;
      out[n++] = b;
    }
    out[n++] = '\r';
    out[n++] = '\n';
    return n == out.length ? out : Arrays.copyOf(out, n);
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
