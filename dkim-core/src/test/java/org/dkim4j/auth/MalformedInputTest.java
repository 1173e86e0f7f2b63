package org.dkim4j.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MalformedInputTest {

  /** Asserts that parsing fails at {@code index} with a message containing {@code fragment}. */
  private static AuthenticationResultsSyntaxException rejects(
      String input, int index, String fragment) {
    AuthenticationResultsSyntaxException e =
        assertThrows(
            AuthenticationResultsSyntaxException.class, () -> AuthenticationResults.parse(input));
    assertTrue(
        e.getMessage().contains(fragment),
        () -> "message \"" + e.getMessage() + "\" should contain \"" + fragment + "\"");
    assertTrue(
        e.getMessage().contains("at index " + index),
        () -> "message \"" + e.getMessage() + "\" should give index " + index);
    assertEquals(index, e.index());
    return e;
  }

  @Test
  void rejectsEmptyInput() {
    rejects("", 0, "empty field value");
    rejects(" \r\n ", 4, "empty field value");
    rejects("Authentication-Results:", 23, "empty field value");
  }

  @Test
  void rejectsMissingAuthservId() {
    rejects("; dkim=pass", 0, "expected an authserv-id but found ';'");
    rejects("\"\"; none", 0, "empty authserv-id");
  }

  @Test
  void rejectsAuthservIdWithoutResults() {
    rejects("example.com", 11, "expected ';' after the authserv-id but found the end of the input");
    rejects("example.com;", 12, "expected 'none' or a method but found the end of the input");
    rejects("example.com 1 2; none", 14, "expected ';' after the authserv-id but found '2'");
  }

  @Test
  void rejectsUnterminatedComment() {
    rejects("example.com; dkim=pass (no end", 23, "unterminated comment");
    rejects("example.com; dkim=pass (a (b) c", 23, "unterminated comment");
    rejects("example.com; dkim=pass (ends in backslash\\", 23, "unterminated comment");
    rejects("example.com; dkim=pass (ends in a fold\r\n", 23, "unterminated comment");
  }

  @Test
  void rejectsUnterminatedQuotedString() {
    rejects("example.com; dkim=fail reason=\"open", 30, "unterminated quoted-string");
    rejects("\"example.com; none", 0, "unterminated quoted-string");
  }

  @Test
  void rejectsUnbalancedClosingParenthesis() {
    rejects("example.com; dkim=pass ) header.d=x", 23, "unbalanced ')'");
  }

  @Test
  void rejectsMethodWithoutResult() {
    rejects("example.com; dkim=", 18, "expected a result for the method 'dkim' but found the end");
    rejects("example.com; dkim=;", 18, "expected a result for the method 'dkim' but found ';'");
    rejects("example.com; dkim pass", 18, "expected '=' after the method 'dkim' but found 'p'");
    rejects("example.com; dkim/=pass", 18, "expected a method version after 'dkim/'");
  }

  @Test
  void rejectsKeywordsEndingInAHyphen() {
    rejects("example.com; dkim=pass-", 22, "a result for the method 'dkim' must not end with '-'");
  }

  @Test
  void rejectsPropertyWithoutDot() {
    rejects(
        "example.com; dkim=pass headerd=example.com",
        30,
        "expected '.' after 'headerd' (a property is ptype.property=value) but found '='");
    rejects("example.com; dmarc=pass action=none", 30, "expected '.' after 'action'");
  }

  @Test
  void rejectsIncompleteProperties() {
    rejects("example.com; dkim=pass header.=x", 30, "expected a property name after 'header.'");
    rejects("example.com; dkim=pass header.d x", 32, "expected '=' after the property 'header.d'");
    rejects(
        "example.com; dkim=pass header.d=",
        32,
        "expected a value for the property 'header.d' but found the end of the input");
    rejects("example.com; dkim=pass header.d=;", 32, "expected a value for the property");
    rejects("example.com; spf=pass smtp.mailfrom=\"a\"@", 40, "expected a domain after '@'");
  }

  @Test
  void rejectsReasonWithoutValueOrAfterProperties() {
    rejects("example.com; dkim=fail reason=", 30, "expected a reason value");
    rejects("example.com; dkim=fail reason=a/b", 31, "expected a property (ptype.property=value)");
    rejects("example.com; dkim=pass header.d=x reason=y", 40, "expected '.' after 'reason'");
  }

  @Test
  void rejectsEmptyResinfoAndTextAfterNone() {
    rejects("example.com; ; dkim=pass", 13, "expected 'none' or a method but found ';'");
    rejects("example.com; dkim=pass; ; spf=pass", 24, "expected a method but found ';'");
    rejects("example.com; none; dkim=pass", 19, "expected the end of the field after 'none'");
  }

  @Test
  void rejectsLineBreaksThatDoNotFold() {
    rejects(
        "example.com;\r\ndkim=pass",
        12,
        "line break not followed by a space or tab (a folded line must start so)");
    rejects("example.com; none\r\nReceived: x", 17, "line break not followed by a space or tab");
    rejects("example.com; dkim=fail (a\r\nb)", 25, "line break not followed by a space or tab");
  }

  @Test
  void rejectsControlCharacters() {
    rejects("example.com; dkim=fail (a\u0000b)", 25, "control character U+0000 in comment");
    rejects("example.com; dkim=fail reason=\"\u007f\"", 31, "control character U+007F");
    rejects("example.com; dkim=fail reason=\"\\\r\"", 32, "control character U+000D after '\\'");
    rejects("example.com; dkim=pass\u0001", 22, "found U+0001");
  }

  @Test
  void showsAnExcerptAroundTheProblemWithControlCharactersEscaped() {
    AuthenticationResultsSyntaxException e =
        rejects("x".repeat(100) + ";\r\nbad", 101, "line break not followed");

    assertTrue(
        e.getMessage().endsWith("in \"..." + "x".repeat(29) + ";\\r\\nbad\""), e.getMessage());
  }

  @Test
  void rejectsNullWithNullPointerException() {
    assertThrows(NullPointerException.class, () -> AuthenticationResults.parse(null));
  }

  @Test
  void rejectsAHugeUnterminatedCommentQuickly() {
    String field = "example.com; dkim=pass " + "(".repeat(500_000);

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejects(field, 23, "unterminated"));
  }
}
