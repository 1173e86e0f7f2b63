package org.dkim4j.dkim;

import java.util.Objects;
import java.util.Optional;
import org.dkim4j.auth.ResultEntry;

/**
 * The outcome of verifying one DKIM-Signature field: a {@link DkimStatus}, a human reason, and what
 * the signature claimed (RFC 6376 section 6.1, reported as RFC 8601 section 2.7.1 describes).
 *
 * <p>Fields of a signature that could not be parsed are empty strings. Immutable.
 */
public final class DkimResult {

  private final DkimStatus status;
  private final String reason;
  private final DkimSignature signature;
  private final String domain;
  private final String selector;
  private final String algorithm;
  private final String signaturePrefix;
  private final int keyBits;
  private final boolean testing;

  private DkimResult(Builder b) {
    this.status = Objects.requireNonNull(b.status, "status");
    this.reason = Objects.requireNonNull(b.reason, "reason");
    this.signature = b.signature;
    this.domain = b.domain;
    this.selector = b.selector;
    this.algorithm = b.algorithm;
    this.signaturePrefix = b.signaturePrefix;
    this.keyBits = b.keyBits;
    this.testing = b.testing;
  }

  static Builder builder(DkimStatus status, String reason) {
    return new Builder(status, reason);
  }

  /**
   * Returns the status.
   *
   * @return the status, never {@code null}
   */
  public DkimStatus status() {
    return status;
  }

  /**
   * True when the status is {@link DkimStatus#PASS}.
   *
   * @return {@code true} for a pass, {@code false} for every other status
   */
  public boolean passed() {
    return status == DkimStatus.PASS;
  }

  /**
   * Returns why the signature did not pass (e.g. {@code "body hash did not verify"}); for a pass, a
   * note such as {@code "key is in testing mode (t=y)"} or an empty string.
   *
   * @return the reason, never {@code null}
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns the parsed signature, when it could be parsed.
   *
   * @return the signature, or empty when the field could not be parsed
   */
  public Optional<DkimSignature> signature() {
    return Optional.ofNullable(signature);
  }

  /**
   * Returns {@code d=} as written, or an empty string.
   *
   * @return the signing domain, or empty
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns {@code s=} as written, or an empty string.
   *
   * @return the selector, or empty
   */
  public String selector() {
    return selector;
  }

  /**
   * Returns the identity ({@code i=}, or {@code @d}), or an empty string.
   *
   * @return the identity, or empty
   */
  public String identity() {
    return signature == null ? "" : signature.identity();
  }

  /**
   * Returns {@code a=} as written, or an empty string.
   *
   * @return the algorithm name, e.g. {@code rsa-sha256}, or empty
   */
  public String algorithm() {
    return algorithm;
  }

  /**
   * Returns the first 8 characters of {@code b=}, which RFC 6008 suggests for telling signatures
   * apart in {@code header.b}.
   *
   * @return up to 8 base64 characters, or empty
   */
  public String signaturePrefix() {
    return signaturePrefix;
  }

  /**
   * Returns the size of the key used, or 0 when no key was retrieved.
   *
   * @return the key size in bits, or 0
   */
  public int keyBits() {
    return keyBits;
  }

  /**
   * True when the key record has {@code t=y}: the signing domain is testing DKIM.
   *
   * @return {@code true} if the key record has {@code t=y}
   */
  public boolean testing() {
    return testing;
  }

  /**
   * Returns this result as an RFC 8601 {@code dkim} resinfo (section 2.7.1): the result, the reason
   * as a comment, and {@code header.d}, {@code header.i}, {@code header.s}, {@code header.a} and
   * {@code header.b} (RFC 6008) for what the signature claims.
   *
   * @return the resinfo, e.g. {@code dkim=pass header.d=example.com header.s=2026a}
   */
  public ResultEntry toResultEntry() {
    ResultEntry.Builder entry = ResultEntry.builder("dkim", status.resultName());
    String comment = reason;
    if (keyBits > 0 && status == DkimStatus.PASS) {
      comment = keyBits + "-bit key" + (reason.isEmpty() ? "" : "; " + reason);
    }
    if (!comment.isEmpty()) {
      entry.comment(comment);
    }
    if (!domain.isEmpty()) {
      entry.property("header", "d", domain);
    }
    if (signature != null) {
      entry.property("header", "i", signature.identity());
    }
    if (!selector.isEmpty()) {
      entry.property("header", "s", selector);
    }
    if (!algorithm.isEmpty()) {
      entry.property("header", "a", algorithm);
    }
    if (!signaturePrefix.isEmpty()) {
      entry.property("header", "b", signaturePrefix);
    }
    return entry.build();
  }

  @Override
  public String toString() {
    return "dkim="
        + status.resultName()
        + (reason.isEmpty() ? "" : " (" + reason + ")")
        + (domain.isEmpty() ? "" : " header.d=" + domain)
        + (selector.isEmpty() ? "" : " header.s=" + selector)
        + (signaturePrefix.isEmpty() ? "" : " header.b=" + signaturePrefix);
  }

  /** Collects the fields of a result. */
  static final class Builder {
    private final DkimStatus status;
    private final String reason;
    private DkimSignature signature;
    private String domain = "";
    private String selector = "";
    private String algorithm = "";
    private String signaturePrefix = "";
    private int keyBits;
    private boolean testing;

    private Builder(DkimStatus status, String reason) {
      this.status = status;
      this.reason = reason;
    }

    Builder signature(DkimSignature signature) {
      this.signature = signature;
      this.domain = signature.domain();
      this.selector = signature.selector();
      this.algorithm = signature.algorithm().tagValue();
      this.signaturePrefix = signature.signaturePrefix();
      return this;
    }

    Builder claimed(String domain, String selector, String algorithm, String b) {
      this.domain = domain == null ? "" : domain;
      this.selector = selector == null ? "" : selector;
      this.algorithm = algorithm == null ? "" : algorithm;
      this.signaturePrefix = b == null ? "" : prefix(b.replaceAll("\\s+", ""));
      return this;
    }

    Builder key(int bits, boolean testing) {
      this.keyBits = bits;
      this.testing = testing;
      return this;
    }

    DkimResult build() {
      return new DkimResult(this);
    }

    private static String prefix(String b) {
      return b.substring(0, Math.min(8, b.length()));
    }
  }
}
