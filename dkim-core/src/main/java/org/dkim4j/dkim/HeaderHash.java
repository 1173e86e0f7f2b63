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
   * Feeds the {@code chosen} header fields, up to the first {@code null} or the end of the array,
   * and the first {@code signatureLength} bytes of {@code signatureField} (the signature field, its
   * b= value removed, no final CRLF) to {@code digest}, canonicalized: the signer's hash. The
   * signer chooses the fields as {@link #choose} would for its h= list.
   */
  static void update(
      MessageDigest digest,
      Canonicalization canonicalization,
      HeaderField[] chosen,
      byte[] signatureField,
      int signatureLength) {
    hash(digest, canonicalization, chosen, null, signatureField, signatureLength);
  }

  /**
   * Feeds the selected header fields and {@code signatureField} as received, its b= value removed
   * and without its final CRLF, to {@code digest}, canonicalized: the verifier's hash.
   */
  static void update(
      MessageDigest digest,
      Canonicalization canonicalization,
      List<HeaderField> fields,
      List<String> signedHeaders,
      HeaderField signatureField) {
    hash(
        digest,
        canonicalization,
        choose(fields, signedHeaders),
        signatureField,
        null,
        signatureField.length());
  }

  /**
   * Returns the fields {@code signedHeaders} selects, in its order: bottom-up per name, each field
   * once; a name with no unused instance left selects nothing (section 5.4.2). The array ends at
   * its first {@code null}, or at its end when every name selects a field.
   */
  static HeaderField[] choose(List<HeaderField> fields, List<String> signedHeaders) {
    HeaderField[] all = fields.toArray(new HeaderField[0]);
    HeaderField[] chosen = new HeaderField[signedHeaders.size()];
    int count = 0;
    for (int h = 0; h < chosen.length; h++) {
      String name = signedHeaders.get(h);
      for (int i = all.length - 1; i >= 0; i--) {
        HeaderField candidate = all[i];
        if (candidate != null && candidate.hasName(name)) {
          all[i] = null; // used: the next instance of this name is above it
          chosen[count++] = candidate;
          break;
        }
      }
    }
    return chosen;
  }

  /**
   * Each chosen field is written once into one buffer, canonicalized as it is copied, and the whole
   * is hashed in one call. The signature field comes last: {@code field}, whose b= value is removed
   * in the buffer, or else the first {@code signatureLength} bytes of {@code bytes}.
   */
  private static void hash(
      MessageDigest digest,
      Canonicalization canonicalization,
      HeaderField[] chosen,
      HeaderField field,
      byte[] bytes,
      int signatureLength) {
    int count = 0;
    int capacity = signatureLength + 2;
    while (count < chosen.length && chosen[count] != null) {
      capacity += chosen[count++].length() + 2; // room for a CRLF the field may lack
    }
    byte[] data = new byte[capacity];
    int n = 0;
    for (int c = 0; c < count; c++) {
      n += chosen[c].copyCanonical(canonicalization, data, n);
    }
    int length;
    if (field != null) {
      length = removeSignatureValue(data, n, field.copyRaw(data, n));
    } else {
      System.arraycopy(bytes, 0, data, n, signatureLength);
      length = signatureLength;
    }
    data[n + length] = '\r'; // canonicalized as a field, then hashed without its CRLF
    data[n + length + 1] = '\n';
    n += HeaderCanonicalizer.canonicalizeInPlace(canonicalization, data, n, length + 2) - 2;
    digest.update(data, 0, n);
  }

  /**
   * Deletes the value of the b= tag from a raw signature field (section 3.7), in place, and drops
   * the terminating CRLF; returns the length of what remains at the front of {@code field}.
   */
  static int removeSignatureValue(byte[] field) {
    return removeSignatureValue(field, 0, field.length);
  }

  /**
   * {@link #removeSignatureValue(byte[])} for the field of {@code length} bytes at {@code offset}
   * of {@code buffer}; returns the length of what remains from {@code offset}.
   */
  private static int removeSignatureValue(byte[] buffer, int offset, int length) {
    int limit = offset + length;
    if (length >= 2 && buffer[limit - 2] == '\r' && buffer[limit - 1] == '\n') {
      limit -= 2;
    }
    int colon = ByteSearch.indexOf(buffer, (byte) ':', offset, limit);
    int position = colon < 0 ? -1 : colon + 1;
    while (position >= 0 && position <= limit) {
      int semicolon = ByteSearch.indexOf(buffer, (byte) ';', position, limit);
      int end = semicolon < 0 ? limit : semicolon;
      int equals = ByteSearch.indexOf(buffer, (byte) '=', position, end);
      if (equals >= 0 && isB(buffer, position, equals)) {
        System.arraycopy(buffer, end, buffer, equals + 1, limit - end);
        return limit - offset - (end - equals - 1);
      }
      position = end + 1;
    }
    return limit - offset;
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
