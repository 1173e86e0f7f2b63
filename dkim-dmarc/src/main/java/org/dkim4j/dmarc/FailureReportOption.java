package org.dkim4j.dmarc;

/**
 * When the Domain Owner asks for failure reports: the values of the {@code fo=} tag (RFC 7489
 * section 6.3).
 */
public enum FailureReportOption {
  /** {@code 0}: when all underlying mechanisms fail to give an aligned pass (the default). */
  ALL_FAILED("0"),
  /** {@code 1}: when any underlying mechanism gives something other than an aligned pass. */
  ANY_FAILED("1"),
  /** {@code d}: when a DKIM signature fails to verify, whatever its alignment. */
  DKIM_FAILED("d"),
  /** {@code s}: when SPF fails, whatever its alignment. */
  SPF_FAILED("s");

  private final String tagValue;

  FailureReportOption(String tagValue) {
    this.tagValue = tagValue;
  }

  /**
   * Returns the tag value, e.g. {@code d}.
   *
   * @return the {@code fo=} value: {@code 0}, {@code 1}, {@code d} or {@code s}
   */
  public String tagValue() {
    return tagValue;
  }

  static FailureReportOption fromTagValue(String value) {
    for (FailureReportOption option : values()) {
      if (org.dkim4j.message.Ascii.equalsIgnoreCase(option.tagValue, value)) {
        return option;
      }
    }
    return null;
  }
}
