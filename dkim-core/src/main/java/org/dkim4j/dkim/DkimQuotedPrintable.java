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
        int high = i + 2 < value.length() ? hexDigit(value.charAt(i + 1)) : -1;
        int low = high < 0 ? -1 : hexDigit(value.charAt(i + 2));
        if (low < 0) {
          throw new DkimSyntaxException("invalid quoted-printable escape in " + what);
        }
        out.write(high * 16 + low);
        i += 2;
      } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        // A whole code point: encoding the halves of a surrogate pair one by one gives "??".
        int end =
            Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))
                ? i + 2
                : i + 1;
        byte[] bytes = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i = end - 1;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** An ASCII hex digit's value (RFC 2045 hex-octet, lower case tolerated), else -1. */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  static List<String> encodeAtoms(String text) {
    return encodeAtoms(text.getBytes(StandardCharsets.UTF_8));
  }
}
