package org.dkim4j.dmarc;

/**
 * The {@code psd=} tag of RFC 9989 ("General Record Format"): whether the domain publishing the
 * record is a Public Suffix Domain. It steers where the DNS Tree Walk places the Organizational
 * Domain.
 */
public enum PsdFlag {
  /** {@code y}: the domain is a Public Suffix Domain; its children are Organizational Domains. */
  YES,
  /** {@code n}: the domain is an Organizational Domain; the tree walk stops here. */
  NO,
  /** {@code u} or no tag: the domain says nothing (the default). */
  UNSPECIFIED;

  /**
   * Returns the tag value, {@code y}, {@code n} or {@code u}.
   *
   * @return the tag value of {@code psd=}
   */
  public String tagValue() {
    return this == YES ? "y" : this == NO ? "n" : "u";
  }
}
