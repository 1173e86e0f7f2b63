package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dkim4j.message.HeaderField;

/**
 * {@link AuthorDomain#fromFieldBody} never throws and gives either a domain or a problem. A domain
 * is a lowercase host name of ASCII letters, digits, hyphens and underscores in labels of 1 to 63
 * characters (A-labels for Unicode names), 253 characters at most, with no trailing dot; it is
 * stable ({@link AuthorDomain#of} gives it back unchanged), and reading the same body through a
 * whole From header field gives the same outcome.
 */
class AuthorDomainFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void authorDomainsAreHostNames(byte[] input) {
    if (input == null) {
      return;
    }
    // The input is UTF-8 text: a byte[] parameter reaches the test as is, so seed files
    // are plain text (Jazzer hands a String parameter over in an encoding of its own).
    String body = new String(input, StandardCharsets.UTF_8);
    AuthorDomain author = AuthorDomain.fromFieldBody(body);
    assertTrue(author.domain().isPresent() != author.problem().isPresent(), author.toString());
    author.problem().ifPresent(p -> assertFalse(p.isEmpty()));
    author
        .domain()
        .ifPresent(
            domain -> {
              assertTrue(isLowercaseHostName(domain), "author domain \"" + domain + "\"");
              assertEquals(author, AuthorDomain.of(domain));
            });
    if (isWellFormedUtf16(body)) {
      HeaderField from = HeaderField.of("From:" + body + "\r\n");
      assertEquals(author, AuthorDomain.fromHeader(List.of(from)), "through a header field");
    }
  }

  private static boolean isLowercaseHostName(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
          return false;
        }
      }
    }
    return true;
  }

  /** UTF-8 encoding (as HeaderField does) loses lone surrogates. */
  private static boolean isWellFormedUtf16(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
