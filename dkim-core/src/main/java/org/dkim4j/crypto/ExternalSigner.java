package org.dkim4j.crypto;

/**
 * Signs on behalf of a key that dkim4j never sees: an HSM, PKCS#11 token or cloud KMS.
 *
 * <p>The input is always the SHA-256 digest (32 bytes) of the canonicalized header data (RFC 6376
 * section 3.7):
 *
 * <ul>
 *   <li>for {@link KeyType#RSA}, return the RSASSA-PKCS1-v1_5 signature of that digest, i.e. what
 *       "sign digest" operations of KMS and PKCS#11 ({@code CKM_RSA_PKCS} over the DigestInfo)
 *       return; {@link DigestInfo#sha256(byte[])} builds the DigestInfo for raw RSA APIs;
 *   <li>for {@link KeyType#ED25519}, return the pure Ed25519 signature of the 32 digest bytes, as
 *       RFC 8463 section 3 specifies.
 * </ul>
 */
@FunctionalInterface
public interface ExternalSigner {

  /**
   * Signs a SHA-256 digest.
   *
   * @param sha256Digest the 32-byte digest of the canonicalized header data
   * @return the signature bytes
   * @throws java.security.GeneralSecurityException when the signing service fails
   */
  byte[] sign(byte[] sha256Digest) throws java.security.GeneralSecurityException;
}
