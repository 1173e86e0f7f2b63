package org.dkim4j.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.dkim4j.message.Ascii;

/**
 * The DKIM signing algorithms ({@code a=}, RFC 6376 section 3.3, RFC 8463 section 3). rsa-sha1 is
 * known so that it can be reported precisely; RFC 8301 forbids signing with it and dkim4j does not.
 */
public enum SignatureAlgorithm {
  /** rsa-sha1: historic, not accepted by default (RFC 8301 section 3.1). */
  RSA_SHA1("rsa-sha1", KeyType.RSA, "sha1", "SHA-1"),
  /** rsa-sha256 (RFC 6376 section 3.3.2). */
  RSA_SHA256("rsa-sha256", KeyType.RSA, "sha256", "SHA-256"),
  /** ed25519-sha256 (RFC 8463 section 3). */
  ED25519_SHA256("ed25519-sha256", KeyType.ED25519, "sha256", "SHA-256");

  /** The constants, read without the copy {@code values()} makes at each call. */
  private static final SignatureAlgorithm[] VALUES = values();

  private final String tagValue;
  private final KeyType keyType;
  private final String hashName;
  private final String digestName;

  SignatureAlgorithm(String tagValue, KeyType keyType, String hashName, String digestName) {
    this.tagValue = tagValue;
    this.keyType = keyType;
    this.hashName = hashName;
    this.digestName = digestName;
  }

  /**
   * Returns the value used in {@code a=}, e.g. {@code rsa-sha256}.
   *
   * @return the lower-case tag value (RFC 6376 section 3.5)
   */
  public String tagValue() {
    return tagValue;
  }

  /**
   * Returns the key type this algorithm signs with.
   *
   * @return {@link KeyType#RSA} or {@link KeyType#ED25519}
   */
  public KeyType keyType() {
    return keyType;
  }

  /**
   * Returns the hash name as used in the key record's {@code h=} tag: {@code sha1}/{@code sha256}.
   *
   * @return {@code sha1} or {@code sha256}
   */
  public String hashName() {
    return hashName;
  }

  /**
   * Returns a new {@link MessageDigest} for this algorithm's hash: a clone of the one the JVM's
   * provider list gave at the first call (cloning only reads the original, which is never used
   * itself), or, for a digest that cannot be cloned, a new lookup.
   *
   * @return a fresh digest, not shared with any other caller
   * @throws IllegalStateException if the JVM lacks the hash algorithm
   */
  public MessageDigest newDigest() {
    MessageDigest prototype = Prototypes.of(digestName);
    if (prototype != null) {
      try {
        return (MessageDigest) prototype.clone();
      } catch (CloneNotSupportedException | RuntimeException e) {
        // it was cloned once when made: look the digest up rather than fail
      }
    }
    try {
      return MessageDigest.getInstance(digestName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(digestName + " is missing from this JVM", e);
    }
  }

  /**
   * Digests never updated, only cloned: a clone costs about half of {@link
   * MessageDigest#getInstance}'s provider lookup, and a message takes two. Made when first needed
   * (the holder class is initialised then); null where the JVM lacks the hash or its digest cannot
   * be cloned.
   */
  private static final class Prototypes {
    private static final MessageDigest SHA256 = make("SHA-256");
    private static final MessageDigest SHA1 = make("SHA-1");

    static MessageDigest of(String digestName) {
      return digestName.equals("SHA-256") ? SHA256 : SHA1;
    }

    private static MessageDigest make(String digestName) {
      try {
        MessageDigest digest = MessageDigest.getInstance(digestName);
        digest.clone();
        return digest;
      } catch (NoSuchAlgorithmException | CloneNotSupportedException | RuntimeException e) {
        return null; // newDigest() looks it up each time, and reports a missing hash
      }
    }
  }

  /**
   * Returns the algorithm for an {@code a=} value (ASCII case-insensitive), if known.
   *
   * @param value the {@code a=} tag value, e.g. {@code rsa-sha256} or {@code ed25519-sha256}
   * @return the algorithm, or empty for an unknown or {@code null} value
   */
  public static Optional<SignatureAlgorithm> fromTagValue(String value) {
    for (SignatureAlgorithm algorithm : VALUES) {
      if (value != null && Ascii.equalsIgnoreCase(algorithm.tagValue, value)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the algorithm dkim4j signs with for a key type.
   *
   * @param keyType the key type of the signing key
   * @return {@link #RSA_SHA256} for RSA, {@link #ED25519_SHA256} for Ed25519; never {@code
   *     rsa-sha1} (RFC 8301 section 3.1)
   */
  public static SignatureAlgorithm forSigning(KeyType keyType) {
    return keyType == KeyType.RSA ? RSA_SHA256 : ED25519_SHA256;
  }
}
