package org.dkim4j.dmarc;

/**
 * How closely an authenticated domain must match the Author Domain: the {@code adkim=} and {@code
 * aspf=} tags (RFC 7489 sections 3.1 and 6.3).
 */
public enum AlignmentMode {
  /** {@code r}: the two domains must have the same Organizational Domain (the default). */
  RELAXED,
  /** {@code s}: the two domains must be equal, ignoring case. */
  STRICT;

  /**
   * Returns the tag value, {@code r} or {@code s}.
   *
   * @return {@code r} for relaxed, {@code s} for strict
   */
  public String tagValue() {
    return this == RELAXED ? "r" : "s";
  }
}
