package org.dkim4j.dmarc;

import java.util.Locale;

/**
 * What DMARC asks the receiver to do with the message (RFC 7489 section 6.6.2 and the {@code
 * disposition} of aggregate reports, appendix C): the policy that applies, after {@code pct=} and
 * {@code t=}, for a failing message; {@link #NONE} for every other result.
 */
public enum Disposition {
  /** Deliver as usual. */
  NONE,
  /** Treat as suspicious, e.g. deliver to the spam folder. */
  QUARANTINE,
  /** Refuse the message. */
  REJECT;

  /**
   * Returns the uppercase form used in the Authentication-Results comment, e.g. {@code NONE}.
   *
   * @return {@code NONE}, {@code QUARANTINE} or {@code REJECT}
   */
  public String commentName() {
    return name().toUpperCase(Locale.ROOT);
  }

  static Disposition of(DmarcPolicy policy) {
    return valueOf(policy.name());
  }
}
