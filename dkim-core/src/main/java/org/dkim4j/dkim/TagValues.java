package org.dkim4j.dkim;

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
    StringBuilder compact = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        compact.append(c);
      }
    }
    try {
      return Base64.getDecoder().decode(compact.toString());
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
