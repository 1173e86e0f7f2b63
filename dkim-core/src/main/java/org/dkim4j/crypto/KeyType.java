package org.dkim4j.crypto;

/** The key types of DKIM key records ({@code k=}, RFC 6376 section 3.6.1 and RFC 8463). */
public enum KeyType {
  /** RSA (RFC 6376 section 3.3.1). */
  RSA("rsa"),
  /** Ed25519 (RFC 8463 section 3). */
  ED25519("ed25519");

  private final String tagValue;

  KeyType(String tagValue) {
    this.tagValue = tagValue;
  }

  /**
   * Returns the value used in {@code k=}: {@code rsa} or {@code ed25519}.
   *
   * @return the lower-case tag value (RFC 6376 section 3.6.1)
   */
  public String tagValue() {
    return tagValue;
  }
}
