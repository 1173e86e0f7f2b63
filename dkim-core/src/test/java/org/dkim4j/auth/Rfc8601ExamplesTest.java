package org.dkim4j.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Authentication-Results fields printed in RFC 8601 Appendix B and section 2.7.6. */
class Rfc8601ExamplesTest {

  private static AuthenticationResults parseAndCheckRoundTrip(String field) {
    AuthenticationResults ar = AuthenticationResults.parse(field);
    assertEquals(ar, AuthenticationResults.parse(ar.format()), "format() reads back");
    assertEquals(ar, AuthenticationResults.parse(ar.toHeaderField()), "toHeaderField() reads back");
    return ar;
  }

  @Test
  void b2NoAuthenticationDoneParsesAsNoneWithVersion() {
    AuthenticationResults ar =
        parseAndCheckRoundTrip("Authentication-Results: example.org 1; none");

    assertEquals("example.org", ar.authservId());
    assertEquals(Optional.of("1"), ar.version());
    assertEquals(List.of(), ar.results());
    assertEquals("example.org 1; none", ar.format());
  }

  @Test
  void b3SpfPassOnAFoldedLine() {
    AuthenticationResults ar =
        parseAndCheckRoundTrip(
            "Authentication-Results: example.com;\r\n          spf=pass smtp.mailfrom=example.net");

    assertEquals("example.com", ar.authservId());
    assertEquals(Optional.empty(), ar.version());
    ResultEntry spf = ar.results().get(0);
    assertEquals("spf", spf.method());
    assertEquals("pass", spf.result());
    assertEquals(List.of(new Property("smtp", "mailfrom", "example.net")), spf.properties());
  }

  @Test
  void b4SeveralResultsFromOneMtaKeepTheirCommentsAndProperties() {
    AuthenticationResults ar =
        parseAndCheckRoundTrip(
            "Authentication-Results: example.com;\r\n"
                + "          auth=pass (cram-md5) smtp.auth=sender@example.net;\r\n"
                + "          spf=pass smtp.mailfrom=example.net");

    assertEquals(2, ar.results().size());
    ResultEntry auth = ar.results().get(0);
    assertEquals("auth", auth.method());
    assertEquals("pass", auth.result());
    assertEquals(Optional.of("cram-md5"), auth.comment());
    assertEquals(Optional.of("sender@example.net"), auth.property("smtp.auth"));
    assertEquals(Optional.of("example.net"), ar.results().get(1).property("smtp.mailfrom"));

    AuthenticationResults iprev =
        parseAndCheckRoundTrip(
            "Authentication-Results: example.com; iprev=pass\r\n"
                + "          policy.iprev=192.0.2.200");
    assertEquals("iprev", iprev.results().get(0).method());
    assertEquals(Optional.of("192.0.2.200"), iprev.results().get(0).property("policy.iprev"));
  }

  @Test
  void b5ResultsFromDifferentMtas() {
    AuthenticationResults dkim =
        parseAndCheckRoundTrip(
            "Authentication-Results: example.com;\r\n"
                + "          dkim=pass (good signature) header.d=example.com");
    assertEquals(Optional.of("good signature"), dkim.results().get(0).comment());
    assertEquals(Optional.of("example.com"), dkim.results().get(0).property("header.d"));

    AuthenticationResults spf =
        parseAndCheckRoundTrip(
            "Authentication-Results: example.com;\r\n"
                + "          auth=pass (cram-md5) smtp.auth=sender@example.com;\r\n"
                + "          spf=fail smtp.mailfrom=example.com");
    assertEquals("fail", spf.results().get(1).result());
    assertEquals(Optional.of("sender@example.com"), spf.results().get(0).property("smtp.auth"));
  }

  @Test
  void b6MultiTieredAuthenticationWithQuotedReasons() {
    AuthenticationResults ar =
        parseAndCheckRoundTrip(
            "Authentication-Results: example.com;\r\n"
                + "      dkim=pass reason=\"good signature\"\r\n"
                + "        header.i=@mail-router.example.net;\r\n"
                + "      dkim=fail reason=\"bad signature\"\r\n"
                + "        header.i=@newyork.example.com");

    assertEquals(2, ar.resultsFor("dkim").size());
    ResultEntry first = ar.results().get(0);
    assertEquals(Optional.of("good signature"), first.reason());
    assertEquals(Optional.empty(), first.comment());
    assertEquals(Optional.of("@mail-router.example.net"), first.property("header.i"));
    ResultEntry second = ar.results().get(1);
    assertEquals("fail", second.result());
    assertEquals(Optional.of("bad signature"), second.reason());
    assertEquals(Optional.of("@newyork.example.com"), second.property("header.i"));

    AuthenticationResults router =
        parseAndCheckRoundTrip(
            "Authentication-Results: example.net;\r\n"
                + "      dkim=pass (good signature) header.i=@newyork.example.com");
    assertEquals("example.net", router.authservId());
    assertEquals(Optional.of("good signature"), router.results().get(0).comment());
  }

  @Test
  void b7CommentHeavyExampleReadsThroughCommentsInEveryGap() {
    AuthenticationResults ar =
        parseAndCheckRoundTrip(
            "Authentication-Results: foo.example.net (foobar) 1 (baz);\r\n"
                + "    dkim (Because I like it) / 1 (One yay) = (wait for it) fail\r\n"
                + "      policy (A dot can go here) . (like that) expired\r\n"
                + "      (this surprised me) = (as I wasn't expecting it) 1362471462");

    assertEquals("foo.example.net", ar.authservId());
    assertEquals(Optional.of("1"), ar.version());
    ResultEntry dkim = ar.results().get(0);
    assertEquals("dkim", dkim.method());
    assertEquals(Optional.of("1"), dkim.methodVersion());
    assertEquals("fail", dkim.result());
    // Only a comment directly after the result is kept; all of these sit elsewhere.
    assertEquals(Optional.empty(), dkim.comment());
    assertEquals(List.of(new Property("policy", "expired", "1362471462")), dkim.properties());
    assertEquals("foo.example.net 1; dkim/1=fail policy.expired=1362471462", ar.format());
  }

  @Test
  void section276ExtensionMethodWithTrailingComment() {
    AuthenticationResults ar =
        parseAndCheckRoundTrip(
            "Authentication-Results: example.com;\r\n"
                + "          foo=pass bar.baz=blob (2 of 3 tests OK)");

    ResultEntry foo = ar.results().get(0);
    assertEquals("foo", foo.method());
    assertEquals(Optional.of("blob"), foo.property("bar.baz"));
    assertTrue(foo.comment().isEmpty(), "a comment after a property is not the result comment");
  }
}
