package org.dkim4j.canon;

import java.util.Locale;

/** The two canonicalization algorithms of RFC 6376 section 3.4. */
public enum Canonicalization {
  /** "simple": tolerates almost no modification (sections 3.4.1 and 3.4.3). */
  SIMPLE,
  /** "relaxed": tolerates whitespace changes and header field re-folding (3.4.2 and 3.4.4). */
  RELAXED;

  private final String tagValue = name().toLowerCase(Locale.ROOT);

  /** Returns the name used in the {@code c=} tag: {@code simple} or {@code relaxed}. */
  public String tagValue() {
    return tagValue;
  }

  /**
   * Parses {@code simple} or {@code relaxed} (case-insensitive).
   *
   * @throws IllegalArgumentException for any other value
   */
  public static Canonicalization parse(String value) {
    if ("simple".equalsIgnoreCase(value)) {
      return SIMPLE;
    }
    if ("relaxed".equalsIgnoreCase(value)) {
      return RELAXED;
    }
    throw new IllegalArgumentException("unknown canonicalization \"" + value + "\"");
  }
}
