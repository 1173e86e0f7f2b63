package org.dkim4j.dmarc;

import java.util.Locale;

/** The result of an SPF check (RFC 7208 section 2.6), as the caller's SPF checker reported it. */
public enum SpfResult {
  /** No SPF record, or no identity to check. */
  NONE,
  /** The domain makes no assertion about the client. */
  NEUTRAL,
  /** The client is authorized: the only result that can give DMARC an aligned pass. */
  PASS,
  /** The client is not authorized. */
  FAIL,
  /** The client is probably not authorized. */
  SOFTFAIL,
  /** A transient error, such as a DNS timeout. */
  TEMPERROR,
  /** The domain's SPF record could not be interpreted. */
  PERMERROR;

  /**
   * Returns the lowercase name, e.g. {@code softfail}.
   *
   * @return the result name as in RFC 7208 section 2.6, e.g. {@code pass}
   */
  public String resultName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
