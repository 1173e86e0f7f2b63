package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dkim4j.message.HeaderField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorDomainTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "joe@example.com                                 | example.com",
        "Joe Q. Public <joe@Example.COM>                 | example.com",
        "\"Public, Joe\" <joe@example.com>               | example.com",
        "\"joe@evil.example\" <joe@example.com>          | example.com",
        "(comment, with comma) joe@example.com (another) | example.com",
        "Joe <joe@(inner comment)example.com>            | example.com",
        "\"quoted local\"@example.com                    | example.com",
        "\"a@b.example\"@example.com                     | example.com",
        "=?UTF-8?B?SsO2cmc=?= <j@example.com>            | example.com",
        "=?ISO-8859-1?Q?J=F6rg?= <j@example.com>         | example.com",
        "Jörg <jörg@bücher.example>                      | xn--bcher-kva.example",
        "joe@sub.zero_pct.example                        | sub.zero_pct.example",
        "a@example.com, B <b@EXAMPLE.com>                | example.com",
        "Team: a@example.com, b@example.com;             | example.com",
        "Team: a@example.com                             | example.com",
        "'\"Joe\" joe@example.com'                       | example.com",
      })
  void oneDomainIsFound(String body, String domain) {
    AuthorDomain author = AuthorDomain.fromFieldBody(body);
    assertEquals(domain, author.domain().orElse(null), author.toString());
    assertTrue(author.problem().isEmpty());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                    | no address",
        "undisclosed-recipients:;              | no address",
        "joe@example.com, ann@example.org      | 2 domains",
        "joe                                   | not an RFC 5322",
        "@example.com                          | not an RFC 5322",
        "joe@                                  | not an RFC 5322",
        "joe@example.com.                      | not an RFC 5322",
        "<<<><joe@example.com>>>               | not an RFC 5322",
        "Joe <joe@example.com                  | not an RFC 5322",
        "\"unterminated <joe@example.com>      | not an RFC 5322",
        "(unterminated joe@example.com         | not an RFC 5322",
        "<@route.example:joe@example.com>      | not an RFC 5322",
        "joe@[192.0.2.1]                       | domain literal",
        "joe@exa!mple.com                      | not a domain name",
        "joe@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com | not a domain name",
      })
  void everyOtherFieldIsAProblem(String body, String problem) {
    AuthorDomain author = AuthorDomain.fromFieldBody(body);
    assertTrue(author.domain().isEmpty(), author.toString());
    assertTrue(author.problem().orElseThrow().contains(problem), author.problem().orElseThrow());
  }

  @Test
  void exactlyOneFromFieldIsRequired() {
    assertTrue(
        AuthorDomain.fromHeader(List.of(HeaderField.of("To: a@example.com\r\n")))
            .problem()
            .orElseThrow()
            .contains("no From field"));
    assertTrue(
        AuthorDomain.fromHeader(
                List.of(
                    HeaderField.of("From: a@example.com\r\n"),
                    HeaderField.of("from: a@example.com\r\n")))
            .problem()
            .orElseThrow()
            .contains("2 From fields"));
    assertEquals(
        "example.com",
        AuthorDomain.fromHeader(
                List.of(
                    HeaderField.of("Subject: x\r\n"),
                    HeaderField.of("FROM: Joe\r\n <joe@example.com>\r\n")))
            .domain()
            .orElseThrow());
  }

  @Test
  void givenDomainsAreNormalized() {
    assertEquals("example.com", AuthorDomain.of("Example.COM.").domain().orElseThrow());
    assertEquals("xn--bcher-kva.example", AuthorDomain.of("bücher.example").domain().orElseThrow());
    assertTrue(AuthorDomain.of("a..b").problem().isPresent());
    assertTrue(AuthorDomain.of("").problem().isPresent());
  }
}
