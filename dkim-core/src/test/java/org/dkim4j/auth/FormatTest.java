package org.dkim4j.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {

  private static String pvalue(String value) {
    return ResultEntry.builder("x", "pass").property("a.b", value).build().format().substring(11);
  }

  @Test
  void formatsResultsSeparatedBySemicolons() {
    AuthenticationResults ar =
        AuthenticationResults.builder("mx.example.org")
            .add(
                ResultEntry.builder("dkim", "pass")
                    .property("header", "d", "example.com")
                    .property("header", "s", "sel")
                    .property("header", "b", "abcdefgh")
                    .build())
            .add(
                ResultEntry.builder("dmarc", "pass")
                    .comment("p=NONE sp=NONE dis=NONE")
                    .property("header.from", "example.com")
                    .build())
            .build();

    String expected =
        "mx.example.org; dkim=pass header.d=example.com header.s=sel header.b=abcdefgh;"
            + " dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.com";
    assertEquals(expected, ar.format());
    assertEquals(expected, ar.toString());
  }

  @Test
  void formatsNoResultsAsNone() {
    assertEquals(
        "mx.example.org; none", AuthenticationResults.builder("mx.example.org").build().format());
  }

  @Test
  void formatsFieldVersionAndMethodVersion() {
    AuthenticationResults ar =
        AuthenticationResults.builder("mx.example.org")
            .version("1")
            .add(ResultEntry.builder("dkim", "pass").methodVersion("1").build())
            .build();

    assertEquals("mx.example.org 1; dkim/1=pass", ar.format());
    assertEquals(
        "mx.example.org 1; none",
        AuthenticationResults.builder("mx.example.org").version("1").build().format());
  }

  @Test
  void writesCommentThenReasonThenPropertiesWhateverTheBuildOrder() {
    ResultEntry e =
        ResultEntry.builder("dkim", "fail")
            .property("header.d", "example.com")
            .reason("bad")
            .comment("body hash did not verify")
            .build();

    assertEquals(
        "dkim=fail (body hash did not verify) reason=bad header.d=example.com", e.format());
    assertEquals(e.format(), e.toString());
  }

  @Test
  void leavesTokensAndDotAtomAddressesUnquoted() {
    assertEquals("example.com", pvalue("example.com"));
    assertEquals("1362471462", pvalue("1362471462"));
    assertEquals("rsa-sha256", pvalue("rsa-sha256"));
    assertEquals("sender@example.com", pvalue("sender@example.com"));
    assertEquals("@example.com", pvalue("@example.com"));
    assertEquals("first.last+tag@sub.example.com", pvalue("first.last+tag@sub.example.com"));
    assertEquals("a/b=c?d@example.com", pvalue("a/b=c?d@example.com"));
  }

  @Test
  void quotesValuesThatAreNeitherTokenNorAddress() {
    assertEquals("\"\"", pvalue(""));
    assertEquals("\"two words\"", pvalue("two words"));
    assertEquals("\"a;b\"", pvalue("a;b"));
    assertEquals("\"ab/cd+ef==\"", pvalue("ab/cd+ef=="));
    assertEquals("\"2001:db8::1\"", pvalue("2001:db8::1"));
    assertEquals("\"john doe@example.com\"", pvalue("john doe@example.com"));
    assertEquals("\"a..b@example.com\"", pvalue("a..b@example.com"));
    assertEquals("\"user@localhost\"", pvalue("user@localhost"));
    assertEquals("\"user@-bad.example\"", pvalue("user@-bad.example"));
    assertEquals("\"caf\u00e9.example\"", pvalue("caf\u00e9.example"));
  }

  @Test
  void escapesQuotesAndBackslashesInQuotedStrings() {
    assertEquals("\"say \\\"hi\\\" \\\\o/\"", pvalue("say \"hi\" \\o/"));
    assertEquals("\"\\\"john doe\\\"@example.com\"", pvalue("\"john doe\"@example.com"));
    assertEquals("\"(not a comment)\"", pvalue("(not a comment)"));
  }

  @Test
  void quotesReasonOnlyWhenItIsNotAToken() {
    assertEquals(
        "x=fail reason=100", ResultEntry.builder("x", "fail").reason("100").build().format());
    assertEquals(
        "x=fail reason=\"bad signature\"",
        ResultEntry.builder("x", "fail").reason("bad signature").build().format());
    assertEquals(
        "x=fail reason=\"a@b.example\"",
        ResultEntry.builder("x", "fail").reason("a@b.example").build().format());
  }

  @Test
  void escapesParenthesesAndBackslashesInComments() {
    ResultEntry e = ResultEntry.builder("dkim", "fail").comment("a (b) \\ c \"d\"").build();

    assertEquals("dkim=fail (a \\(b\\) \\\\ c \"d\")", e.format());
  }

  @Test
  void quotesAnAuthservIdThatIsNotAToken() {
    assertEquals(
        "\"mx example\"; none", AuthenticationResults.builder("mx example").build().format());
    assertEquals(
        "\"[192.0.2.1]\"; none", AuthenticationResults.builder("[192.0.2.1]").build().format());
  }

  @Test
  void formatsAPropertyAsItIsWritten() {
    assertEquals("header.d=example.com", new Property("header", "d", "example.com").toString());
    assertEquals("header.b=\"a/b\"", new Property("header", "b", "a/b").toString());
    assertEquals("header.d", new Property("header", "d", "x").key());
  }
}
