package org.dkim4j.dmarc;

import java.util.Locale;

/**
 * The DMARC result of a message, as reported in Authentication-Results (RFC 7489 section 11.2, RFC
 * 8601 section 2.7.1 via the IANA registry).
 */
public enum DmarcResult {
  /** An authenticated identifier (DKIM or SPF) is aligned with the Author Domain. */
  PASS,
  /** A DMARC policy applies and no authenticated identifier is aligned. */
  FAIL,
  /** No DMARC policy applies: no record was found for the Author Domain. */
  NONE,
  /** A temporary error (e.g. a DNS timeout); a later try may give a final result. */
  TEMPERROR,
  /**
   * A permanent error: a malformed DMARC record, or a message without exactly one usable Author
   * Domain. A later try will give the same result.
   */
  PERMERROR;

  /**
   * Returns the lowercase name used in Authentication-Results, e.g. {@code pass}.
   *
   * @return e.g. {@code pass}, {@code permerror} (RFC 8601 section 2.7.1)
   */
  public String resultName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
