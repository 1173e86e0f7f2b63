package org.dkim4j.crypto;

import java.util.Arrays;

/** DER DigestInfo encodings (RFC 8017 section 9.2) for RSASSA-PKCS1-v1_5 over a digest. */
public final class DigestInfo {
  private static final byte[] SHA256_PREFIX = {
    0x30,
    0x31,
    0x30,
    0x0d,
    0x06,
    0x09,
    0x60,
    (byte) 0x86,
    0x48,
    0x01,
    0x65,
    0x03,
    0x04,
    0x02,
    0x01,
    0x05,
    0x00,
    0x04,
    0x20
  };
  private static final byte[] SHA1_PREFIX = {
    0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14
  };

  private DigestInfo() {}

  /**
   * Returns the DigestInfo for a 32-byte SHA-256 digest.
   *
   * @param digest the 32 digest bytes
   * @return a new array: the DER prefix for SHA-256 followed by the digest
   * @throws IllegalArgumentException if {@code digest} is not 32 bytes long
   */
  public static byte[] sha256(byte[] digest) {
    return encode(SHA256_PREFIX, digest, 32);
  }

  /**
   * Returns the DigestInfo for a 20-byte SHA-1 digest.
   *
   * @param digest the 20 digest bytes
   * @return a new array: the DER prefix for SHA-1 followed by the digest
   * @throws IllegalArgumentException if {@code digest} is not 20 bytes long
   */
  public static byte[] sha1(byte[] digest) {
    return encode(SHA1_PREFIX, digest, 20);
  }

  static byte[] of(SignatureAlgorithm algorithm, byte[] digest) {
    return algorithm == SignatureAlgorithm.RSA_SHA1 ? sha1(digest) : sha256(digest);
  }

  private static byte[] encode(byte[] prefix, byte[] digest, int length) {
    if (digest.length != length) {
      throw new IllegalArgumentException("expected a " + length + "-byte digest");
    }
    byte[] out = Arrays.copyOf(prefix, prefix.length + length);
    System.arraycopy(digest, 0, out, prefix.length, length);
    return out;
  }
}
