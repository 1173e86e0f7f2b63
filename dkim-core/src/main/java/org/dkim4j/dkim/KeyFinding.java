package org.dkim4j.dkim;

import java.util.Objects;

/**
 * One finding of a {@link KeyCheck}: how serious it is, what kind it is, and a sentence for people.
 *
 * @param severity how serious it is
 * @param kind what kind of finding it is
 * @param message what was found, naming the tag or value concerned, never key material
 */
public record KeyFinding(Severity severity, Kind kind, String message) {

  /** How serious a finding is. */
  public enum Severity {
    /** Verifiers will not accept signatures made with this selector (or cannot tell, for now). */
    ERROR,
    /** Signatures verify, but something needs attention. */
    WARNING,
    /** Signatures verify; a recommendation. */
    ADVICE
  }

  /** What a finding is about. */
  public enum Kind {
    /** No key record: NXDOMAIN or NODATA (RFC 6376 section 6.1.2, step 3). */
    MISSING,
    /** The lookup failed for now: timeout, SERVFAIL (RFC 6376 section 6.1.2, step 2). */
    TEMPORARY_FAILURE,
    /** The record is not a valid key record (RFC 6376 section 3.6.1) or its key is damaged. */
    SYNTAX,
    /** Several TXT records at the name; verifiers may use any that parses (section 3.6.2.2). */
    MULTIPLE_RECORDS,
    /** {@code p=} is empty: the key was revoked (RFC 6376 section 3.6.1). */
    REVOKED,
    /** The record rules out DKIM signing with this key: {@code k=}, {@code h=} or {@code s=}. */
    NOT_USABLE,
    /** The published key is not the public half of the given private key. */
    KEY_MISMATCH,
    /** {@code t=y}: the domain is still testing DKIM (RFC 6376 section 3.6.1). */
    TESTING,
    /** The RSA key size is outside what RFC 8301 section 3.2 requires or recommends. */
    KEY_SIZE
  }

  /**
   * Creates a finding.
   *
   * @param severity how serious it is
   * @param kind what kind of finding it is
   * @param message what was found, naming the tag or value concerned, never key material
   */
  public KeyFinding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return severity + " " + kind + ": " + message;
  }
}
