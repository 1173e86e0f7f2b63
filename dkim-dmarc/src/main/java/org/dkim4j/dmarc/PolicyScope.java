package org.dkim4j.dmarc;

/**
 * Which tag of the DMARC record gave the policy for the Author Domain (RFC 7489 section 6.3, RFC
 * 9989 "General Record Format").
 */
public enum PolicyScope {
  /** {@code p=}: the record was found at the Author Domain itself. */
  DOMAIN("p"),
  /** {@code sp=} (or {@code p=} when absent): the record is a parent's, the domain exists. */
  SUBDOMAIN("sp"),
  /**
   * {@code np=} (or {@code sp=}, or {@code p=}): the record is a parent's and the Author Domain
   * does not exist, the DNS having answered NXDOMAIN for it (RFC 8020).
   */
  NON_EXISTENT_SUBDOMAIN("np");

  private final String tag;

  PolicyScope(String tag) {
    this.tag = tag;
  }

  /**
   * Returns the tag, e.g. {@code sp}.
   *
   * @return the tag name: {@code p}, {@code sp} or {@code np}
   */
  public String tag() {
    return tag;
  }
}
