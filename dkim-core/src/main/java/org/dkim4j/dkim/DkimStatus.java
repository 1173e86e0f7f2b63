package org.dkim4j.dkim;

import java.util.Locale;

/** The result of verifying one DKIM signature, named as in RFC 8601 section 2.7.1. */
public enum DkimStatus {
  /** The signature verified. */
  PASS,
  /** The signature did not verify: the message or the signature was altered. */
  FAIL,
  /** The signature was syntactically valid but could not be processed for another reason. */
  NEUTRAL,
  /** The signature verified but is not acceptable by local policy (e.g. unsigned body bytes). */
  POLICY,
  /** The signature could not be verified for now, e.g. the key lookup timed out. */
  TEMPERROR,
  /** The signature can never be verified: malformed, no key, revoked key, forbidden algorithm. */
  PERMERROR,
  /** The message is not signed. */
  NONE;

  /**
   * Returns the lowercase name used in Authentication-Results, e.g. {@code pass}.
   *
   * @return e.g. {@code pass}, {@code temperror} (RFC 8601 section 2.7.1)
   */
  public String resultName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
