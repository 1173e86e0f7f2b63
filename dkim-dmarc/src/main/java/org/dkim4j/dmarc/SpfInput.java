package org.dkim4j.dmarc;

import java.util.Objects;

/**
 * The SPF outcome DMARC uses (RFC 7489 section 3.1.2, section 4.1): the domain SPF checked and its
 * result. The domain is the RFC 5321 MAIL FROM domain, or the HELO domain when MAIL FROM was empty
 * (a bounce). Only {@link SpfResult#PASS} can align.
 *
 * @param domain the checked domain, or an empty string for {@link #none()}
 * @param result the SPF result for that domain
 */
public record SpfInput(String domain, SpfResult result) {

  private static final SpfInput NONE = new SpfInput("", SpfResult.NONE);

  /**
   * Checks that both parts are present.
   *
   * @param domain the checked domain, or an empty string for {@link #none()}
   * @param result the SPF result for that domain
   */
  public SpfInput {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(result, "result");
  }

  /**
   * Returns the input for {@code domain} with {@code result}, e.g. {@code of("ex.com", PASS)}.
   *
   * @param domain the domain SPF checked, e.g. {@code example.com}
   * @param result the SPF result for that domain
   * @return the input
   */
  public static SpfInput of(String domain, SpfResult result) {
    return new SpfInput(domain, result);
  }

  /**
   * Returns the input for a message whose SPF was not checked: nothing aligns through SPF.
   *
   * @return the shared input with an empty domain and {@link SpfResult#NONE}
   */
  public static SpfInput none() {
    return NONE;
  }
}
