package org.dkim4j.dkim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.canon.HeaderCanonicalizer;
import org.dkim4j.message.Ascii;
import org.dkim4j.message.HeaderField;

/** The header half of the DKIM hash (RFC 6376 sections 3.7 and 5.4.2). */
final class HeaderHash {
  private HeaderHash() {}

  /**
   * Feeds the selected header fields and the signature field (its b= value removed, no final CRLF)
   * to {@code digest}, canonicalized. Fields are chosen bottom-up per name in {@code h=}; a name
   * with no unused instance left contributes nothing (section 5.4.2).
   */
  static void update(
      MessageDigest digest,
      Canonicalization canonicalization,
      List<HeaderField> fields,
      List<String> signedHeaders,
      byte[] signatureFieldWithoutB) {
    Map<String, Integer> nextCandidate = new HashMap<>();
    for (String name : signedHeaders) {
      String key = Ascii.toLowerCase(name);
      int start = nextCandidate.getOrDefault(key, fields.size() - 1);
      int found = -1;
      for (int i = start; i >= 0; i--) {
        if (fields.get(i).hasName(name)) {
          found = i;
          break;
        }
      }
      nextCandidate.put(key, found - 1);
      if (found >= 0) {
        digest.update(HeaderCanonicalizer.canonicalize(canonicalization, fields.get(found).raw()));
      }
    }
    byte[] own = HeaderCanonicalizer.canonicalize(canonicalization, signatureFieldWithoutB);
    int length = own.length;
    if (length >= 2 && own[length - 2] == '\r' && own[length - 1] == '\n') {
      length -= 2;
    }
    digest.update(own, 0, length);
  }

  /**
   * Returns the raw signature field with the value of its b= tag deleted (section 3.7), and without
   * the terminating CRLF.
   */
  static byte[] withoutSignatureValue(byte[] rawField) {
    String text = new String(rawField, StandardCharsets.ISO_8859_1);
    if (text.endsWith("\r\n")) {
      text = text.substring(0, text.length() - 2);
    }
    int position = text.indexOf(':') + 1;
    while (position > 0 && position <= text.length()) {
      int semicolon = text.indexOf(';', position);
      int end = semicolon < 0 ? text.length() : semicolon;
      int equals = text.indexOf('=', position);
      if (equals >= 0 && equals < end && text.substring(position, equals).strip().equals("b")) {
        text = text.substring(0, equals + 1) + text.substring(end);
        break;
      }
      position = end + 1;
    }
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
