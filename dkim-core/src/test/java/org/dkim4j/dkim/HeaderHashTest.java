package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeaderHashTest {

  @Test
  void removesOnlyTheValueOfTheBTag() {
    assertEquals(
        "DKIM-Signature: v=1; bh=abc; b=; d=example.com",
        new String(
            withoutSignatureValue(
                "DKIM-Signature: v=1; bh=abc; b=xy\r\n z; d=example.com\r\n"
                    .getBytes(StandardCharsets.US_ASCII)),
            StandardCharsets.US_ASCII));
  }

  /** The bytes version must cut exactly where the text version, with String.strip(), did. */
  @Test
  void agreesWithStringStripOnRandomFields() {
    String[] pieces = {
      "b", "bh", "=", ";", " ", "\t", "\r\n ", "\u000b", "\u001c", "\u0085", "\u00a0", "x", ":", "d"
    };
    Random random = new Random(376);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder text = new StringBuilder();
      int count = random.nextInt(n % 4 == 0 ? 80 : 16); // long ones for the 8-byte search
      for (int i = 0; i < count; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      if (random.nextBoolean()) {
        text.append("\r\n");
      }
      byte[] raw = text.toString().getBytes(StandardCharsets.ISO_8859_1);
      assertEquals(
          HexFormat.of().formatHex(reference(raw)),
          HexFormat.of().formatHex(withoutSignatureValue(raw)),
          () -> HexFormat.of().formatHex(raw));
    }
  }

  private static byte[] withoutSignatureValue(byte[] rawField) {
    byte[] field = rawField.clone();
    return Arrays.copyOf(field, HeaderHash.removeSignatureValue(field));
  }

  /** How the b= value was removed before: on text, with String.strip(). */
  private static byte[] reference(byte[] rawField) {
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
