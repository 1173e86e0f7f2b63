package org.dkim4j.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** DKIM-Quoted-Printable (RFC 6376 section 2.11), used by {@code i=} and {@code z=}. */
final class DkimQuotedPrintable {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private DkimQuotedPrintable() {}

  /**
   * Encodes bytes as atoms: one per safe character or {@code =XX} escape, so that folding may go
   * between any two. {@code |} is escaped too, as {@code z=} requires (section 3.5).
   */
  static List<String> encodeAtoms(byte[] bytes) {
    List<String> atoms = new ArrayList<>(bytes.length);
    for (byte b : bytes) {
      int c = b & 0xff;
      boolean safe = (c >= 0x21 && c <= 0x3a) || c == 0x3c || (c >= 0x3e && c <= 0x7e);
      if (safe && c != '|') {
        atoms.add(String.valueOf((char) c));
      } else {
        atoms.add("=" + HEX[c >> 4] + HEX[c & 0xf]);
      }
    }
    return atoms;
  }

  /**
   * Decodes DKIM-Quoted-Printable: {@code =XX} escapes become bytes, folding whitespace is dropped
   * (section 2.11), and the result is read as UTF-8.
   *
   * @throws DkimSyntaxException for an {@code =} not followed by two hex digits
   */
  static String decode(String what, String value) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '=') {
        int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
        if (low < 0) {
          throw new DkimSyntaxException("invalid quoted-printable escape in " + what);
        }
        out.write(high * 16 + low);
        i += 2;
      } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static List<String> encodeAtoms(String text) {
    return encodeAtoms(text.getBytes(StandardCharsets.UTF_8));
  }
}
