package org.dkim4j.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A public key from a DKIM key record's {@code p=} tag, ready to verify signatures.
 *
 * <p>RSA keys are read as SubjectPublicKeyInfo (RFC 6376 section 3.6.1) or, as many signers publish
 * them, as a bare PKCS#1 RSAPublicKey; Ed25519 keys as the raw 32 bytes of RFC 8463 section 4.
 *
 * <p>Verification runs on the back-end measured fastest for each algorithm by the {@code
 * benchmarks} module: the JDK's RSA (RSASSA-PKCS1-v1_5 over the DigestInfo, RFC 8017 section 8.2)
 * and Bouncy Castle's Ed25519 (RFC 8032 section 5.1.7), with the point decoded once per key.
 * Thread-safe, and its key never changes: an RSA key keeps one initialized JDK verifier between
 * calls, taken by one call at a time.
 */
public final class VerificationKey {

  private final KeyType type;
  private final int bits;
  private final PublicKey rsaKey;
  private final byte[] ed25519Key;

  /** The Ed25519 key decoded once, so that verifying does not decompress the point again. */
  private final Ed25519.PublicPoint ed25519Point;

  /**
   * An RSA verifier initialized with this key and not in use, or {@code null}. Looking one up and
   * initializing it costs about as much as parsing a signature, so a call takes this one, or makes
   * its own when another call has it, and puts it back after a valid signature. Only then: the
   * JDK's NONEwithRSA returns false for a signature whose padding does not decrypt without clearing
   * the data it was given, so a verifier that said false (or threw) is dropped.
   */
  private final AtomicReference<Signature> idleRsaVerifier = new AtomicReference<>();

  private VerificationKey(
      KeyType type,
      int bits,
      PublicKey rsaKey,
      byte[] ed25519Key,
      Ed25519.PublicPoint ed25519Point) {
    this.type = type;
    this.bits = bits;
    this.rsaKey = rsaKey;
    this.ed25519Key = ed25519Key;
    this.ed25519Point = ed25519Point;
  }

  /**
   * Decodes the bytes of a {@code p=} tag for the key type of {@code k=}.
   *
   * @param type the key type named by {@code k=} (RFC 6376 section 3.6.1)
   * @param data the decoded bytes of {@code p=}: SubjectPublicKeyInfo DER (or a bare PKCS#1
   *     RSAPublicKey) for RSA, the raw 32 bytes for Ed25519 (RFC 8463 section 4)
   * @return the key
   * @throws KeyFormatException when the bytes are not a key of that type
   */
  public static VerificationKey decode(KeyType type, byte[] data) {
    Objects.requireNonNull(type, "type");
    if (type == KeyType.ED25519) {
      if (data.length != Ed25519.PUBLIC_KEY_SIZE) {
        throw new KeyFormatException(
            "found " + data.length + " bytes, expected a 32-byte Ed25519 public key");
      }
      Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(data, 0);
      if (point == null) {
        throw new KeyFormatException("found 32 bytes that are not a valid Ed25519 public key");
      }
      return new VerificationKey(KeyType.ED25519, 256, null, data.clone(), point);
    }
    RSAPublicKey key = decodeRsa(data);
    return new VerificationKey(KeyType.RSA, key.getModulus().bitLength(), key, null, null);
  }

  /**
   * Wraps a JDK public key (RSA, or Ed25519 from the JDK or Bouncy Castle).
   *
   * @param key an RSA or Ed25519 public key
   * @return the key
   * @throws KeyFormatException for other key types
   */
  public static VerificationKey of(PublicKey key) {
    Objects.requireNonNull(key, "key");
    if (key instanceof RSAPublicKey rsa) {
      return new VerificationKey(KeyType.RSA, rsa.getModulus().bitLength(), rsa, null, null);
    }
    String algorithm = key.getAlgorithm();
    if ("Ed25519".equalsIgnoreCase(algorithm) || "EdDSA".equals(algorithm)) {
      SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
      if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getAlgorithm().getAlgorithm())) {
        throw new KeyFormatException("found an EdDSA key that is not Ed25519, expected Ed25519");
      }
      return decode(KeyType.ED25519, info.getPublicKeyData().getBytes());
    }
    throw new KeyFormatException("found a " + algorithm + " public key, expected RSA or Ed25519");
  }

  private static RSAPublicKey decodeRsa(byte[] data) {
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      try {
        return (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(data));
      } catch (GeneralSecurityException | RuntimeException notSpki) {
        org.bouncycastle.asn1.pkcs.RSAPublicKey pkcs1 =
            org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(data);
        return (RSAPublicKey)
            factory.generatePublic(
                new RSAPublicKeySpec(pkcs1.getModulus(), pkcs1.getPublicExponent()));
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyFormatException(
          "found "
              + data.length
              + " bytes that are neither SubjectPublicKeyInfo nor PKCS#1, expected an RSA public"
              + " key");
    }
  }

  /**
   * Returns the key type.
   *
   * @return {@link KeyType#RSA} or {@link KeyType#ED25519}
   */
  public KeyType type() {
    return type;
  }

  /**
   * Returns the key size in bits (RSA modulus length, 256 for Ed25519).
   *
   * @return the key size in bits
   */
  public int bits() {
    return bits;
  }

  /**
   * Returns the bytes to publish in {@code p=}: SubjectPublicKeyInfo for RSA, raw for Ed25519.
   *
   * @return a new copy of the bytes
   */
  public byte[] recordData() {
    return type == KeyType.RSA ? rsaKey.getEncoded() : ed25519Key.clone();
  }

  /**
   * Verifies a signature over a digest of the canonicalized header data.
   *
   * @param algorithm the signature's algorithm; its key type must be this key's type
   * @param digest the digest of the header data, computed with the algorithm's hash
   * @param signature the decoded {@code b=} value
   * @return true when the signature is valid
   */
  public boolean verify(SignatureAlgorithm algorithm, byte[] digest, byte[] signature) {
    if (algorithm.keyType() != type) {
      return false;
    }
    if (type == KeyType.ED25519) {
      return signature.length == Ed25519.SIGNATURE_SIZE
          && Ed25519.verify(signature, 0, ed25519Point, digest, 0, digest.length);
    }
    try {
      Signature verifier = idleRsaVerifier.getAndSet(null);
      if (verifier == null) {
        verifier = Signature.getInstance("NONEwithRSA");
        verifier.initVerify(rsaKey);
      }
      verifier.update(DigestInfo.of(algorithm, digest));
      boolean valid = verifier.verify(signature);
      if (valid) {
        idleRsaVerifier.set(verifier); // ready again; see the field for why only then
      }
      return valid;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "VerificationKey[" + (type == KeyType.RSA ? "RSA-" + bits : "Ed25519") + "]";
  }
}
