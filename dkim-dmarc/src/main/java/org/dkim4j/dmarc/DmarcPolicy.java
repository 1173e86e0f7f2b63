package org.dkim4j.dmarc;

import java.util.Locale;

/**
 * A Domain Owner's requested handling of mail that fails DMARC: the values of the {@code p=},
 * {@code sp=} and {@code np=} tags (RFC 7489 section 6.3, RFC 9989 "General Record Format").
 */
public enum DmarcPolicy {
  /** {@code none}: no specific action requested; the domain only wants reports. */
  NONE,
  /** {@code quarantine}: treat failing mail as suspicious (e.g. deliver to the spam folder). */
  QUARANTINE,
  /** {@code reject}: refuse failing mail, preferably during the SMTP transaction. */
  REJECT;

  /**
   * Returns the tag value, e.g. {@code quarantine}.
   *
   * @return the lower-case tag value of {@code p=}, {@code sp=} or {@code np=}
   */
  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the next less severe policy ({@code reject} to {@code quarantine}, {@code quarantine}
   * to {@code none}), as RFC 7489 section 6.6.4 asks for messages not selected by {@code pct=}.
   */
  DmarcPolicy reduced() {
    return this == REJECT ? QUARANTINE : NONE;
  }

  static DmarcPolicy fromTagValue(String value) {
    switch (org.dkim4j.message.Ascii.toLowerCase(value)) {
      case "none":
        return NONE;
      case "quarantine":
        return QUARANTINE;
      case "reject":
        return REJECT;
      default:
        return null;
    }
  }
}
