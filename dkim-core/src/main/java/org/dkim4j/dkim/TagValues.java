package org.dkim4j.dkim;

import java.nio.charset.StandardCharsets;
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
      // Characters beyond ISO-8859-1 become '?', which is no more base64 than they were.
      byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
      int n = 0;
      for (byte b : bytes) {
        bytes[n] = b;
        n += isFws((char) b) ? 0 : 1;
      }
      return Base64.getDecoder().decode(n == bytes.length ? bytes : Arrays.copyOf(bytes, n));
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
