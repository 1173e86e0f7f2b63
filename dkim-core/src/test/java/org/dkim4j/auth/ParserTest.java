package org.dkim4j.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParserTest {

  private static ResultEntry only(String field) {
    List<ResultEntry> results = AuthenticationResults.parse(field).results();
    assertEquals(1, results.size(), field);
    return results.get(0);
  }

  @Test
  void skipsTheFieldNameIgnoringAsciiCaseOnly() {
    assertEquals(
        "example.com",
        AuthenticationResults.parse("AUTHENTICATION-RESULTS : example.com; none").authservId());
    // U+0131 (dotless i) upper-cases to 'I': not the field name, so the colon is no token.
    assertThrows(
        AuthenticationResultsSyntaxException.class,
        () -> AuthenticationResults.parse("Authent\u0131cation-Results: example.com; none"));
  }

  @Test
  void parsesNestedCommentsInsideResinfo() {
    ResultEntry e =
        only("example.com; dkim=fail (outer (inner (deepest)) tail) header.d=example.com");

    assertEquals(Optional.of("outer (inner (deepest)) tail"), e.comment());
    assertEquals(Optional.of("example.com"), e.property("header.d"));
  }

  @Test
  void decodesQuotedPairsInCommentsAndQuotedStrings() {
    ResultEntry e =
        only("example.com; dkim=fail (a \\( b \\) c \\\\ d) reason=\"say \\\"hi\\\" \\\\o/\"");

    assertEquals(Optional.of("a ( b ) c \\ d"), e.comment());
    assertEquals(Optional.of("say \"hi\" \\o/"), e.reason());
  }

  @Test
  void keepsOnlyTheFirstCommentDirectlyAfterTheResult() {
    ResultEntry e =
        only("example.com; dkim (m) = (before) pass (first) (second) header.d=x (third)");

    assertEquals(Optional.of("first"), e.comment());
    assertEquals(List.of(new Property("header", "d", "x")), e.properties());
  }

  @Test
  void resultWithoutCommentHasNoComment() {
    assertEquals(Optional.empty(), only("example.com; dkim=pass header.d=x (late)").comment());
  }

  @Test
  void unfoldsInsideCommentsAndQuotedStringsKeepingTheWhitespace() {
    ResultEntry e =
        only("example.com; dkim=fail (body hash\r\n did not verify) reason=\"a\r\n\tb\"");

    assertEquals(Optional.of("body hash did not verify"), e.comment());
    assertEquals(Optional.of("a\tb"), e.reason());
  }

  @Test
  void readsCommentsAndSemicolonsWithoutSurroundingSpace() {
    AuthenticationResults ar =
        AuthenticationResults.parse("example.com;dkim=pass(ok)header.d=x;spf=fail");

    assertEquals(Optional.of("ok"), ar.results().get(0).comment());
    assertEquals(Optional.of("x"), ar.results().get(0).property("header.d"));
    assertEquals("fail", ar.results().get(1).result());
  }

  @Test
  void acceptsTheFieldNameInAnyCaseWithSpaceBeforeTheColon() {
    assertEquals(
        "example.com",
        AuthenticationResults.parse("authentication-RESULTS : example.com; none").authservId());
  }

  @Test
  void acceptsOneLineBreakAtTheEnd() {
    assertEquals(List.of(), AuthenticationResults.parse("example.com; none\r\n").results());
    assertEquals(List.of(), AuthenticationResults.parse("example.com; none\n").results());
  }

  @Test
  void acceptsATrailingSemicolonAfterNoneOrAResult() {
    assertEquals(List.of(), AuthenticationResults.parse("example.com; none;").results());
    assertEquals(1, AuthenticationResults.parse("example.com; spf=pass; ").results().size());
  }

  @Test
  void recognisesNoneAndReasonInAnyCase() {
    assertEquals(List.of(), AuthenticationResults.parse("example.com; NoNe").results());
    assertEquals(Optional.of("x"), only("example.com; dkim=pass REASON=x").reason());
  }

  @Test
  void treatsNoneFollowedByEqualsAsAMethodName() {
    ResultEntry e = only("example.com; none=pass");

    assertEquals("none", e.method());
    assertEquals("pass", e.result());
  }

  @Test
  void keepsKeywordsAsWrittenButLooksThemUpIgnoringCase() {
    AuthenticationResults ar =
        AuthenticationResults.parse("Example.COM; DKIM=Pass Header.D=Example.com");
    ResultEntry e = ar.results().get(0);

    assertEquals("DKIM", e.method());
    assertEquals("Pass", e.result());
    assertEquals(List.of(new Property("Header", "D", "Example.com")), e.properties());
    assertTrue(e.hasMethod("dkim"));
    assertTrue(e.hasResult("PASS"));
    assertEquals(Optional.of("Example.com"), e.property("header.d"));
    assertEquals(List.of(e), ar.resultsFor("dkim"));
    assertEquals("Example.COM; DKIM=Pass Header.D=Example.com", ar.format());
  }

  @Test
  void readsMethodVersionWithOrWithoutSpaces() {
    assertEquals(Optional.of("1"), only("example.com; dkim/1=pass").methodVersion());
    assertEquals(Optional.of("2"), only("example.com; dkim / 2 = pass").methodVersion());
    assertEquals(Optional.empty(), only("example.com; dkim=pass").methodVersion());
  }

  @Test
  void readsAQuotedAuthservIdAndAVersion() {
    AuthenticationResults ar = AuthenticationResults.parse("\"mx (1); example\" 12 ; none");

    assertEquals("mx (1); example", ar.authservId());
    assertEquals(Optional.of("12"), ar.version());
  }

  @Test
  void readsAQuotedLocalPartAddressAsAnAddress() {
    ResultEntry e = only("example.com; spf=pass smtp.mailfrom=\"john doe\"@example.com");

    assertEquals(Optional.of("\"john doe\"@example.com"), e.property("smtp.mailfrom"));
  }

  @Test
  void readsQuotedPropertyValuesDecoded() {
    ResultEntry e = only("example.com; dkim=pass header.b=\"ab/c\\\"d\" header.i=\"\"");

    assertEquals(Optional.of("ab/c\"d"), e.property("header.b"));
    assertEquals(Optional.of(""), e.property("header.i"));
  }

  @Test
  void keepsPropertiesInOrderAndReturnsTheFirstOfRepeatedKeys() {
    ResultEntry e = only("example.com; dkim=pass header.d=a smtp.mailfrom=b header.d=c");

    assertEquals(
        List.of(
            new Property("header", "d", "a"),
            new Property("smtp", "mailfrom", "b"),
            new Property("header", "d", "c")),
        e.properties());
    assertEquals(Optional.of("a"), e.property("header.d"));
    assertEquals(Optional.empty(), e.property("header.s"));
  }

  @Test
  void readsAPtypeNamedReason() {
    ResultEntry e = only("example.com; x=pass reason.code=7");

    assertEquals(Optional.empty(), e.reason());
    assertEquals(Optional.of("7"), e.property("reason.code"));
  }

  @Test
  void readsReasonBeforeProperties() {
    ResultEntry e = only("example.com; dkim=fail (c) reason=\"bad sig\" header.d=x");

    assertEquals(Optional.of("c"), e.comment());
    assertEquals(Optional.of("bad sig"), e.reason());
    assertEquals(Optional.of("x"), e.property("header.d"));
  }

  @Test
  void keepsNonAsciiTextInQuotedStringsAndComments() {
    ResultEntry e =
        only("example.com; dkim=fail (clé absente) reason=\"échec\" header.d=exämple.de");

    assertEquals(Optional.of("clé absente"), e.comment());
    assertEquals(Optional.of("échec"), e.reason());
    assertEquals(Optional.of("exämple.de"), e.property("header.d"));
  }

  @Test
  void readsEmptyCommentAndEmptyReason() {
    ResultEntry e = only("example.com; dkim=neutral () reason=\"\"");

    assertEquals(Optional.of(""), e.comment());
    assertEquals(Optional.of(""), e.reason());
  }

  @Test
  void parsesDeeplyNestedCommentsInLinearTime() {
    int depth = 200_000;
    String field =
        "example.com; dkim=pass " + "(".repeat(depth) + "x" + ")".repeat(depth) + " header.d=y";

    ResultEntry e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> only(field));
    assertEquals(2 * depth - 1, e.comment().orElseThrow().length());
  }

  @Test
  void parsesAFieldWithManyResultsInLinearTime() {
    String field = "example.com" + "; dkim=pass (c) header.d=example.com".repeat(50_000);

    AuthenticationResults ar =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> AuthenticationResults.parse(field));
    assertEquals(50_000, ar.results().size());
  }
}
