package org.dkim4j.dkim;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.dkim4j.message.HeaderField;
import org.dkim4j.tag.TagList;

/** Small helpers shared by the signature and key record parsers and by signer and verifier. */
final class TagValues {
  private TagValues() {}

  /**
   * Decodes a base64 tag value, ignoring the folding whitespace RFC 6376 section 3.2 allows inside
   * it.
   *
   * @throws DkimSyntaxException naming {@code what} when the value is not base64
   */
  static byte[] base64(String what, String value) {
    try {
      if (value.indexOf(' ') < 0
          && value.indexOf('\t') < 0
          && value.indexOf('\r') < 0
          && value.indexOf('\n') < 0) {
        return Base64.getDecoder().decode(value); // unfolded: no copy to make
      }
      byte[] bytes = new byte[value.length()];
      int n = 0;
      for (int i = 0; i < bytes.length; i++) {
        char c = value.charAt(i);
        if (!isFws(c)) {
          // Characters beyond ASCII become '?', which is no more base64 than they were.
          bytes[n++] = c < 0x80 ? (byte) c : (byte) '?';
        }
      }
      ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(bytes, 0, n));
      return decoded.remaining() == decoded.capacity()
          ? decoded.array()
          : Arrays.copyOf(decoded.array(), decoded.remaining());
    } catch (IllegalArgumentException e) {
      throw new DkimSyntaxException("invalid base64 in " + what);
    }
  }

  /** {@link TagList#trimWhitespace(String)}: the FWS of RFC 6376 section 3.2, nothing else. */
  static String trimFws(String value) {
    return TagList.trimWhitespace(value);
  }

  private static boolean isFws(char c) {
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
