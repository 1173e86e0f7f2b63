package org.dkim4j.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** DKIM-Quoted-Printable (RFC 6376 section 2.11) for the {@code z=} tag. */
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

  static List<String> encodeAtoms(String text) {
    return encodeAtoms(text.getBytes(StandardCharsets.UTF_8));
  }
}
