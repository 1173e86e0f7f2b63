package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dkim4j.message.Ascii;
import org.junit.jupiter.api.Test;

/** The h= tag (RFC 6376 section 3.5): names between colons, folding whitespace around each. */
class HeaderListTagTest {

  private static final String REST = "v=1; a=rsa-sha256; d=example.com; s=sel; bh=AAAA; b=AAAA; h=";

  @Test
  void namesAreSplitAtColonsAndTrimmed() {
    assertEquals(
        List.of("From", "to", "X-Mailer", "from"),
        parse("From:to \r\n\t: X-Mailer:\tfrom ").signedHeaders());
    assertEquals(List.of("from"), parse("from").signedHeaders());
  }

  @Test
  void anEmptyNameOrWhitespaceInsideANameIsRefused() {
    for (String h : List.of("from:", ":from", "from::to", "from: :to", "fr om", "from:t\u00e9")) {
      DkimSyntaxException e = assertThrows(DkimSyntaxException.class, () -> parse(h), h);
      assertTrue(e.getMessage().contains("invalid header name"), e.getMessage());
    }
  }

  @Test
  void theErrorNamesTheNameAsWritten() {
    DkimSyntaxException e = assertThrows(DkimSyntaxException.class, () -> parse("from: fr om :to"));
    assertEquals("invalid header name \"fr om\" in h=", e.getMessage());
  }

  @Test
  void agreesWithSplittingAndTrimmingEachName() {
    Random random = new Random(3);
    String[] pieces = {
      "from", "F", "to", "-", "!", "~", ":", ":", " ", "\t", "\r\n ", "\r", "\n", "\u000b",
      "\u0000", "\u00e9", "\u007f"
    };
    int valid = 0;
    for (int round = 0; round < 60_000; round++) {
      StringBuilder h = new StringBuilder();
      int count = 1 + random.nextInt(8);
      for (int i = 0; i < count; i++) {
        h.append(pieces[random.nextInt(pieces.length)]);
      }
      String value = h.toString();
      String expected;
      try {
        expected = reference(value).toString();
        valid++;
      } catch (DkimSyntaxException e) {
        expected = e.getMessage();
      }
      String actual;
      try {
        actual = parse(value).signedHeaders().toString();
      } catch (DkimSyntaxException e) {
        actual = e.getMessage();
      }
      assertEquals(expected, actual, () -> "h=" + value.replace("\r\n", "\\r\\n"));
    }
    assertTrue(valid > 1000, "too few valid lists to test: " + valid);
  }

  private static DkimSignature parse(String h) {
    return DkimSignature.parse(REST + h);
  }

  /** Split at each colon, trim SP, HTAB, CR and LF, and check each name, one step at a time. */
  private static List<String> reference(String value) {
    List<String> names = new ArrayList<>();
    for (String piece : value.split(":", -1)) {
      String name = trim(piece);
      boolean printable = !name.isEmpty();
      for (char c : name.toCharArray()) {
        printable &= c >= 33 && c <= 126;
      }
      if (!printable) {
        throw new DkimSyntaxException("invalid header name \"" + name + "\" in h=");
      }
      names.add(name);
    }
    if (names.stream().noneMatch(n -> Ascii.equalsIgnoreCase(n, "from"))) {
      throw new DkimSyntaxException("h= does not include From");
    }
    return names;
  }

  /** SP, HTAB, CR and LF stripped from both ends. */
  private static String trim(String s) {
    return s.replaceAll("^[ \t\r\n]+|[ \t\r\n]+$", "");
  }
}
