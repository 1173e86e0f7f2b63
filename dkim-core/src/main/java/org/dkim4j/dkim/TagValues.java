package org.dkim4j.dkim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.dkim4j.internal.ByteSearch;
import org.dkim4j.message.HeaderField;
import org.dkim4j.tag.TagList;

/** Small helpers shared by the signature and key record parsers and by signer and verifier. */
final class TagValues {
  private TagValues() {}

  /**
   * Decodes a base64 tag value, ignoring the folding whitespace RFC 6376 section 3.2 allows inside
   * it. Any other character, ASCII or not, leaves something the decoder rejects.
   *
   * @throws DkimSyntaxException naming {@code what} when the value is not base64
   */
  static byte[] base64(String what, String value) {
    // Characters beyond ISO-8859-1 become '?', which is no more base64 than they were.
    byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
    byte[] decoded = decodeFront(bytes, copyWithoutFws(bytes, 0, bytes.length, bytes));
    if (decoded == null) {
      throw new DkimSyntaxException("invalid base64 in " + what);
    }
    return decoded;
  }

  /**
   * Decodes the base64 bytes from {@code from} to {@code to} of {@code source}, ignoring folding
   * whitespace as {@link #base64(String, String)} does; {@code null} when they are not base64.
   * {@code source} is left as it is.
   */
  static byte[] base64OrNull(byte[] source, int from, int to) {
    byte[] compact = new byte[to - from];
    return decodeFront(compact, copyWithoutFws(source, from, to, compact));
  }

  /** Decodes the first {@code length} bytes of {@code bytes}; {@code null} when not base64. */
  private static byte[] decodeFront(byte[] bytes, int length) {
    try {
      if (length == bytes.length) {
        return Base64.getDecoder().decode(bytes);
      }
      ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(bytes, 0, length));
      return decoded.remaining() == decoded.capacity()
          ? decoded.array()
          : Arrays.copyOf(decoded.array(), decoded.remaining());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Copies the bytes from {@code from} to {@code to} of {@code source} that are not folding
   * whitespace to the front of {@code target}, in order, and returns their number; {@code target}
   * may be {@code source} itself when {@code from} is 0. A folded value is a few long runs (a
   * signature's b= is lines of about 70 characters), so runs are found eight bytes at a time and
   * moved with one copy each.
   */
  static int copyWithoutFws(byte[] source, int from, int to, byte[] target) {
    int n = 0;
    while (true) {
      int end = ByteSearch.indexOfAtMostSpace(source, from, to);
      if (source != target || n != from) {
        System.arraycopy(source, from, target, n, end - from);
      }
      n += end - from;
      if (end == to) {
        return n;
      }
      byte b = source[end];
      if (!isFws((char) b)) {
        target[n++] = b; // another control byte: kept, for the decoder to reject
      }
      from = end + 1;
    }
  }

  /** {@link TagList#trimWhitespace(String)}: the FWS of RFC 6376 section 3.2, nothing else. */
  static String trimFws(String value) {
    return TagList.trimWhitespace(value);
  }

  /** Folding whitespace as section 3.2 reads it in a tag value: SP, HTAB, CR, LF. */
  static boolean isFws(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** Counts the fields called {@code name} (ASCII case-insensitive). */
  static int count(List<HeaderField> fields, String name) {
    int n = 0;
    for (HeaderField field : fields) {
      if (field.hasName(name)) {
        n++;
      }
    }
    return n;
  }
}
