package org.dkim4j.dkim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.dkim4j.message.HeaderField;

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
    // Characters beyond ISO-8859-1 become '?', which is no more base64 than they were.
    byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
    int n = 0;
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        bytes[n++] = b;
      }
    }
    try {
      return Base64.getDecoder().decode(n == bytes.length ? bytes : Arrays.copyOf(bytes, n));
    } catch (IllegalArgumentException e) {
      throw new DkimSyntaxException("invalid base64 in " + what);
    }
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
