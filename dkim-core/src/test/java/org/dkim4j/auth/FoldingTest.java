package org.dkim4j.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldingTest {

  private static final AuthenticationResults GMAIL_LIKE =
      AuthenticationResults.builder("mx.google.com")
          .add(
              ResultEntry.builder("dkim", "pass")
                  .property("header.i", "@example.com")
                  .property("header.s", "20230601")
                  .property("header.b", "AbCdEfGh")
                  .build())
          .add(
              ResultEntry.builder("spf", "pass")
                  .comment(
                      "google.com: domain of bounce@example.com designates 1.2.3.4 as"
                          + " permitted sender")
                  .property("smtp.mailfrom", "bounce@example.com")
                  .build())
          .add(
              ResultEntry.builder("dmarc", "pass")
                  .comment("p=REJECT sp=REJECT dis=NONE")
                  .property("header.from", "example.com")
                  .build())
          .build();

  /** Checks the folding rules and returns the lines without their CRLF. */
  static List<String> checkFolded(AuthenticationResults ar) {
    String field = ar.toHeaderField();
    assertTrue(field.endsWith("\r\n"), "ends in CRLF");
    String body = field.substring(0, field.length() - 2);
    assertEquals(
        AuthenticationResults.FIELD_NAME + ": " + ar.format(),
        body.replace("\r\n", ""),
        "folding only inserts CRLF before existing spaces");
    assertFalse(
        body.replace("\r\n ", "").contains("\r") || body.replace("\r\n ", "").contains("\n"));
    List<String> lines = Arrays.asList(body.split("\r\n", -1));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i > 0) {
        assertTrue(line.startsWith(" "), "continuation starts with a space: " + line);
        assertFalse(line.isBlank(), "no whitespace-only line");
      }
      if (line.length() > Folder.MAX_LINE) {
        // Whitespace that could only stand on a line of its own is kept in front of the word.
        assertFalse(
            line.substring(1).replaceFirst("^[ \t]*", "").contains(" "),
            "a line over 78 characters holds one unbreakable word: " + line);
      }
    }
    assertEquals(ar, AuthenticationResults.parse(field), "the folded field reads back");
    return lines;
  }

  @Test
  void keepsAShortFieldOnOneLine() {
    AuthenticationResults ar = AuthenticationResults.builder("mx.example.org").build();

    assertEquals("Authentication-Results: mx.example.org; none\r\n", ar.toHeaderField());
    assertEquals(1, checkFolded(ar).size());
  }

  @Test
  void putsEachResinfoOnItsOwnLineWhenTheFieldIsLong() {
    List<String> lines = checkFolded(GMAIL_LIKE);

    assertEquals(
        List.of(
            "Authentication-Results: mx.google.com;",
            " dkim=pass header.i=@example.com header.s=20230601 header.b=AbCdEfGh;",
            " spf=pass (google.com: domain of bounce@example.com designates 1.2.3.4 as",
            " permitted sender) smtp.mailfrom=bounce@example.com;",
            " dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com"),
        lines);
  }

  @Test
  void wrapsPropertiesOfALongResinfoOntoFurtherLines() {
    ResultEntry.Builder dkim = ResultEntry.builder("dkim", "pass");
    for (String s : List.of("d", "i", "s", "a", "b", "h", "x", "y")) {
      dkim.property("header." + s, s.repeat(12) + ".example.com");
    }
    AuthenticationResults ar =
        AuthenticationResults.builder("mx.example.org").add(dkim.build()).build();

    List<String> lines = checkFolded(ar);
    assertTrue(lines.size() > 3, String.join("\n", lines));
    for (String line : lines) {
      assertTrue(line.length() <= Folder.MAX_LINE, line);
    }
    for (String line : lines.subList(2, lines.size())) {
      assertTrue(line.startsWith(" header."), "breaks fall between properties: " + line);
    }
  }

  @Test
  void breaksALongCommentAtItsSpacesAndKeepsRunsOfSpaces() {
    AuthenticationResults ar =
        AuthenticationResults.builder("mx.example.org")
            .add(
                ResultEntry.builder("dkim", "fail")
                    .comment("word ".repeat(40) + " two  spaces   three")
                    .reason("a reason with several words in it that is long enough to wrap too")
                    .build())
            .build();

    List<String> lines = checkFolded(ar);
    for (String line : lines) {
      assertTrue(line.length() <= Folder.MAX_LINE, line);
    }
    assertEquals(
        "word ".repeat(40) + " two  spaces   three",
        AuthenticationResults.parse(ar.toHeaderField()).results().get(0).comment().orElseThrow());
  }

  @Test
  void writesAWordLongerThanALineWhole() {
    String longValue = "v".repeat(120);
    AuthenticationResults ar =
        AuthenticationResults.builder("a".repeat(90) + ".example")
            .add(ResultEntry.builder("dkim", "pass").property("header.b", longValue).build())
            .build();

    List<String> lines = checkFolded(ar);
    assertEquals("Authentication-Results:", lines.get(0));
    assertEquals(" " + "a".repeat(90) + ".example;", lines.get(1));
    assertEquals(" dkim=pass", lines.get(2));
    assertEquals(" header.b=" + longValue, lines.get(3));
  }

  @Test
  void neverWritesALineOfWhitespaceOnly() {
    // The only places to break between the two long words are the spaces around the tabs.
    String comment = "word " + "a".repeat(76) + " \t\t " + "b".repeat(77);
    AuthenticationResults ar =
        AuthenticationResults.builder("mx.example.org")
            .add(ResultEntry.builder("dkim", "pass").comment(comment).build())
            .build();

    List<String> lines = checkFolded(ar);

    assertEquals(" \t\t " + "b".repeat(77) + ")", lines.get(lines.size() - 1));
  }
}
