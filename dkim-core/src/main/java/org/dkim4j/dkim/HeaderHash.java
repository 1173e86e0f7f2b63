package org.dkim4j.dkim;

import java.security.MessageDigest;
import java.util.List;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.canon.HeaderCanonicalizer;
import org.dkim4j.internal.ByteSearch;
import org.dkim4j.message.HeaderField;

/** The header half of the DKIM hash (RFC 6376 sections 3.7 and 5.4.2). */
final class HeaderHash {
  private HeaderHash() {}

  /**
   * Feeds the selected header fields and the first {@code signatureLength} bytes of {@code
   * signatureField} (the signature field, its b= value removed, no final CRLF) to {@code digest},
   * canonicalized. Fields are chosen bottom-up per name in {@code h=}; a name with no unused
   * instance left contributes nothing (section 5.4.2). Each field is copied once into one buffer,
   * canonicalized there in place, and the whole is hashed in one call.
   */
  static void update(
      MessageDigest digest,
      Canonicalization canonicalization,
      List<HeaderField> fields,
      List<String> signedHeaders,
      byte[] signatureField,
      int signatureLength) {
    HeaderField[] all = fields.toArray(new HeaderField[0]);
    HeaderField[] chosen = new HeaderField[signedHeaders.size()];
    int count = 0;
    int capacity = signatureLength + 2;
    for (int h = 0; h < chosen.length; h++) {
      String name = signedHeaders.get(h);
      for (int i = all.length - 1; i >= 0; i--) {
        HeaderField field = all[i];
        if (field != null && field.hasName(name)) {
          all[i] = null; // used: the next instance of this name is above it
          chosen[count++] = field;
          capacity += field.length() + 2; // room for a CRLF the field may lack
          break;
        }
      }
    }
    byte[] data = new byte[capacity];
    int n = 0;
    for (int c = 0; c < count; c++) {
      n += canonicalize(canonicalization, data, n, chosen[c].copyRaw(data, n));
    }
    System.arraycopy(signatureField, 0, data, n, signatureLength);
    data[n + signatureLength] = '\r'; // canonicalized as a field, then hashed without its CRLF
    data[n + signatureLength + 1] = '\n';
    n +=
        HeaderCanonicalizer.canonicalizeInPlace(canonicalization, data, n, signatureLength + 2) - 2;
    digest.update(data, 0, n);
  }

  /**
   * Canonicalizes the field of {@code length} bytes at {@code offset} in place; {@code data} has
   * room for two bytes more, for a field that lacks its CRLF (never one read from a message).
   */
  private static int canonicalize(
      Canonicalization canonicalization, byte[] data, int offset, int length) {
    if (canonicalization == Canonicalization.SIMPLE) {
      return length;
    }
    int end = offset + length;
    if (length < 2 || data[end - 2] != '\r' || data[end - 1] != '\n') {
      data[end] = '\r';
      data[end + 1] = '\n';
      length += 2;
    }
    return HeaderCanonicalizer.canonicalizeInPlace(canonicalization, data, offset, length);
  }

  /**
   * Deletes the value of the b= tag from a raw signature field (section 3.7), in place, and drops
   * the terminating CRLF; returns the length of what remains at the front of {@code field}.
   */
  static int removeSignatureValue(byte[] field) {
    int length = field.length;
    if (length >= 2 && field[length - 2] == '\r' && field[length - 1] == '\n') {
      length -= 2;
    }
    int position = ByteSearch.indexOf(field, (byte) ':', 0, length) + 1;
    while (position > 0 && position <= length) {
      int semicolon = ByteSearch.indexOf(field, (byte) ';', position, length);
      int end = semicolon < 0 ? length : semicolon;
      int equals = ByteSearch.indexOf(field, (byte) '=', position, end);
      if (equals >= 0 && isB(field, position, equals)) {
        System.arraycopy(field, end, field, equals + 1, length - end);
        return length - (end - equals - 1);
      }
      position = end + 1;
    }
    return length;
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
}
