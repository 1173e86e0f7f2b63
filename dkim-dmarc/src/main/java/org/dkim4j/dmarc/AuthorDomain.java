package org.dkim4j.dmarc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dkim4j.message.HeaderField;

/**
 * The Author Domain of a message: the domain of the address in its From field (RFC 7489 section
 * 6.6.1, RFC 9989 "Determining the Author Domain"), as lowercase A-labels; or, when the message
 * does not have exactly one usable domain there, the problem. Immutable.
 *
 * <p>Outcomes, each deliberate, so that no odd From field ever passes DMARC by accident. Any
 * problem makes the verdict {@link DmarcResult#PERMERROR} with {@link Disposition#NONE}: the
 * message could not be evaluated, and the receiver's local policy decides.
 *
 * <ul>
 *   <li>one From field, one address: its domain. Display names, comments, quoted local parts and
 *       RFC 2047 encoded words do not matter. Unicode domains become A-labels.
 *   <li>one From field, several addresses all in one domain (case-insensitive): that domain.
 *   <li>addresses in several domains: a problem. RFC 9989 exempts such messages from DMARC; RFC
 *       7489 would evaluate each domain. Neither can say which author the reader sees.
 *   <li>no From field, or several: a problem (RFC 5322 section 3.6 requires exactly one).
 *   <li>a field that is not RFC 5322 syntax, an empty group, no address, a domain literal such as
 *       {@code [192.0.2.1]}, a name that is not a host name: a problem.
 *   <li>groups (RFC 6854) are read through: {@code Team: a@example.com;} gives example.com.
 * </ul>
 */
public final class AuthorDomain {

  private final String domain;
  private final String problem;

  private AuthorDomain(String domain, String problem) {
    this.domain = domain;
    this.problem = problem;
  }

  /**
   * Returns the Author Domain for a domain the caller already extracted. A name that is not a host
   * name gives a problem.
   *
   * @param domain the domain of the From address, e.g. {@code example.com}; U-labels are accepted
   * @return the Author Domain as lowercase A-labels, or a problem
   */
  public static AuthorDomain of(String domain) {
    Objects.requireNonNull(domain, "domain");
    String normalized = Domains.normalize(domain);
    if (normalized == null) {
      return problem("\"" + domain + "\" is not a domain name");
    }
    return new AuthorDomain(normalized, null);
  }

  /**
   * Returns the Author Domain from a message's header fields (all of them, in order).
   *
   * @param fields the header fields of the message; the From fields among them are read
   * @return the Author Domain, or the problem when there is not exactly one From field with one
   *     domain
   */
  public static AuthorDomain fromHeader(List<HeaderField> fields) {
    List<HeaderField> from = new ArrayList<>();
    for (HeaderField field : fields) {
      if (field.hasName("From")) {
        from.add(field);
      }
    }
    if (from.isEmpty()) {
      return problem("the message has no From field");
    }
    if (from.size() > 1) {
      return problem("the message has " + from.size() + " From fields; RFC 5322 allows one");
    }
    return fromFieldBody(from.get(0).value());
  }

  /**
   * Returns the Author Domain from the body of a From field, e.g. {@code "Joe <joe@example.com>"}.
   *
   * @param body the field body, the text after {@code From:}, folding allowed
   * @return the Author Domain, or the problem when the body does not name exactly one domain
   */
  public static AuthorDomain fromFieldBody(String body) {
    List<FromFieldParser.Mailbox> mailboxes;
    try {
      mailboxes = FromFieldParser.parse(body);
    } catch (FromFieldParser.SyntaxException e) {
      return problem("the From field is not an RFC 5322 address list: " + e.getMessage());
    }
    if (mailboxes.isEmpty()) {
      return problem("the From field has no address");
    }
    Set<String> domains = new LinkedHashSet<>();
    for (FromFieldParser.Mailbox mailbox : mailboxes) {
      if (mailbox.literal()) {
        return problem("the From address has a domain literal " + mailbox.domain());
      }
      String normalized = Domains.normalize(mailbox.domain());
      if (normalized == null) {
        return problem("the From address domain \"" + mailbox.domain() + "\" is not a domain name");
      }
      domains.add(normalized);
    }
    if (domains.size() > 1) {
      return problem(
          "the From field has addresses in "
              + domains.size()
              + " domains "
              + domains
              + "; RFC 9989 exempts such messages from DMARC");
    }
    return new AuthorDomain(domains.iterator().next(), null);
  }

  static AuthorDomain problem(String problem) {
    return new AuthorDomain(null, problem);
  }

  /**
   * Returns the domain as lowercase A-labels, when there is exactly one.
   *
   * @return the domain, or empty when there is a problem
   */
  public Optional<String> domain() {
    return Optional.ofNullable(domain);
  }

  /**
   * Returns why there is no Author Domain, when there is none.
   *
   * @return a sentence naming the problem, or empty when there is a domain
   */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthorDomain other
        && Objects.equals(domain, other.domain)
        && Objects.equals(problem, other.problem);
  }

  @Override
  public int hashCode() {
    return Objects.hash(domain, problem);
  }

  @Override
  public String toString() {
    return domain != null ? domain : "(no author domain: " + problem + ")";
  }
}
