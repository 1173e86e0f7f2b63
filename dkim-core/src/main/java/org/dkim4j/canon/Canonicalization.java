package org.dkim4j.canon;

import java.util.Locale;
import org.dkim4j.message.Ascii;

/** The two canonicalization algorithms of RFC 6376 section 3.4. */
public enum Canonicalization {
  /** "simple": tolerates almost no modification (sections 3.4.1 and 3.4.3). */
  SIMPLE,
  /** "relaxed": tolerates whitespace changes and header field re-folding (3.4.2 and 3.4.4). */
  RELAXED;

  private final String tagValue = name().toLowerCase(Locale.ROOT);

  /**
   * Returns the name used in the {@code c=} tag: {@code simple} or {@code relaxed}.
   *
   * @return the lower-case tag value
   */
  public String tagValue() {
    return tagValue;
  }

  /**
   * Parses {@code simple} or {@code relaxed} (ASCII case-insensitive).
   *
   * @param value the header or body half of a {@code c=} tag (RFC 6376 section 3.5)
   * @return the canonicalization
   * @throws IllegalArgumentException for any other value
   */
  public static Canonicalization parse(String value) {
    if (value != null && Ascii.equalsIgnoreCase("simple", value)) {
      return SIMPLE;
    }
    if (value != null && Ascii.equalsIgnoreCase("relaxed", value)) {
      return RELAXED;
    }
    throw new IllegalArgumentException("unknown canonicalization \"" + value + "\"");
  }
}
