package org.dkim4j.dkim;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.canon.HeaderCanonicalizer;
import org.dkim4j.message.HeaderField;

/** The header half of the DKIM hash (RFC 6376 sections 3.7 and 5.4.2). */
final class HeaderHash {
  private HeaderHash() {}

  /**
   * Feeds the selected header fields and the signature field (its b= value removed, no final CRLF)
   * to {@code digest}, canonicalized. Fields are chosen bottom-up per name in {@code h=}; a name
   * with no unused instance left contributes nothing (section 5.4.2). The canonical bytes are
   * gathered first and hashed in one call.
   */
  static void update(
      MessageDigest digest,
      Canonicalization canonicalization,
      List<HeaderField> fields,
      List<String> signedHeaders,
      byte[] signatureFieldWithoutB) {
    boolean[] used = new boolean[fields.size()];
    byte[] data = new byte[1024];
    int n = 0;
    for (String name : signedHeaders) {
      for (int i = fields.size() - 1; i >= 0; i--) {
        if (!used[i] && fields.get(i).hasName(name)) {
          used[i] = true;
          byte[] canonical =
              HeaderCanonicalizer.canonicalize(canonicalization, fields.get(i).raw());
          data = ensure(data, n + canonical.length);
          System.arraycopy(canonical, 0, data, n, canonical.length);
          n += canonical.length;
          break;
        }
      }
    }
    byte[] own = HeaderCanonicalizer.canonicalize(canonicalization, signatureFieldWithoutB);
    int length = own.length;
    if (length >= 2 && own[length - 2] == '\r' && own[length - 1] == '\n') {
      length -= 2;
    }
    data = ensure(data, n + length);
    System.arraycopy(own, 0, data, n, length);
    n += length;
    digest.update(data, 0, n);
  }

  private static byte[] ensure(byte[] data, int capacity) {
    return capacity <= data.length
        ? data
        : Arrays.copyOf(data, Math.max(capacity, data.length * 2));
  }

  /**
   * Returns the raw signature field with the value of its b= tag deleted (section 3.7), and without
   * the terminating CRLF.
   */
  static byte[] withoutSignatureValue(byte[] rawField) {
    int length = rawField.length;
    if (length >= 2 && rawField[length - 2] == '\r' && rawField[length - 1] == '\n') {
      length -= 2;
    }
    int position = indexOf(rawField, ':', 0, length) + 1;
    while (position > 0 && position <= length) {
      int semicolon = indexOf(rawField, ';', position, length);
      int end = semicolon < 0 ? length : semicolon;
      int equals = indexOf(rawField, '=', position, length);
      if (equals >= 0 && equals < end && isB(rawField, position, equals)) {
        byte[] out = new byte[length - (end - equals - 1)];
        System.arraycopy(rawField, 0, out, 0, equals + 1);
        System.arraycopy(rawField, end, out, equals + 1, length - end);
        return out;
      }
      position = end + 1;
    }
    return Arrays.copyOf(rawField, length);
  }

  /** True when the tag name between {@code from} and {@code to}, whitespace stripped, is "b". */
  private static boolean isB(byte[] raw, int from, int to) {
    while (from < to && isWhitespace(raw[from])) {
      from++;
    }
    while (to > from && isWhitespace(raw[to - 1])) {
      to--;
    }
    return to - from == 1 && raw[from] == 'b';
  }

  /** Whitespace as {@link String#strip()} sees it in ISO-8859-1 text. */
  private static boolean isWhitespace(byte b) {
    return Character.isWhitespace((char) (b & 0xff));
  }

  private static int indexOf(byte[] raw, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (raw[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
