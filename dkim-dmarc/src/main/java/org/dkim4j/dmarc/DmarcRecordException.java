package org.dkim4j.dmarc;

import java.util.Objects;

/**
 * A DMARC record that breaks the rules of RFC 7489 section 6.3 and 6.4 (or RFC 9989 "Formal
 * Definition"). The message names the tag and the problem, e.g. {@code "pct=: 500 is not between 0
 * and 100"}.
 */
public final class DmarcRecordException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The tag at fault, e.g. {@code p}, or an empty string when the tag list itself is malformed. */
  private final String tag;

  /** What is wrong with the tag, e.g. {@code "unknown policy \"bob\""}. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param tag the tag at fault, e.g. {@code "p"}, or an empty string when the problem is the tag
   *     list itself
   * @param reason what is wrong, e.g. {@code "unknown policy \"bob\""}
   */
  public DmarcRecordException(String tag, String reason) {
    super(tag.isEmpty() ? reason : tag + "=: " + reason);
    this.tag = Objects.requireNonNull(tag, "tag");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns the tag at fault, or an empty string when the tag list itself is malformed.
   *
   * @return the tag name without {@code =}, e.g. {@code p}, or an empty string
   */
  public String tag() {
    return tag;
  }

  /**
   * Returns what is wrong with the tag.
   *
   * @return the problem, e.g. {@code "unknown policy \"bob\""}
   */
  public String reason() {
    return reason;
  }
}
