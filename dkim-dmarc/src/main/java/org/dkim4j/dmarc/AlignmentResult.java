package org.dkim4j.dmarc;

/**
 * Whether an authentication mechanism gave DMARC an aligned identifier (RFC 7489 section 3.1): the
 * {@code dkim} and {@code spf} columns of aggregate report rows.
 */
public enum AlignmentResult {
  /** The mechanism passed for a domain aligned with the Author Domain. */
  PASS,
  /** The mechanism passed, but for no aligned domain. */
  FAIL,
  /** The mechanism did not pass at all (or was not checked). */
  NONE
}
