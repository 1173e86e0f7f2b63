package org.dkim4j.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A private key that signs DKIM signatures: RSA (rsa-sha256) or Ed25519 (ed25519-sha256), held in
 * memory or behind an {@link ExternalSigner}.
 *
 * <p>Immutable and safe to share across threads. {@link #toString()} names the type and size only;
 * key material never appears in any string or exception this class produces.
 */
public final class SigningKey {

  private final KeyType type;
  private final int bits;
  private final byte[] publicKeyData;
  private final ExternalSigner signer;
  private final String description;

  private SigningKey(
      KeyType type, int bits, byte[] publicKeyData, ExternalSigner signer, String description) {
    this.type = type;
    this.bits = bits;
    this.publicKeyData = publicKeyData;
    this.signer = signer;
    this.description = description;
  }

  /**
   * Reads a key file in any supported text format; see {@link #parse(String)}.
   *
   * @throws KeyFormatException when the file holds no usable private key
   * @throws IOException when the file cannot be read
   */
  public static SigningKey fromFile(Path path) throws IOException {
    String text = Files.readString(path, StandardCharsets.ISO_8859_1);
    try {
      return parse(text);
    } catch (KeyFormatException e) {
      throw new KeyFormatException(path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a private key from text, detecting its format: PEM PKCS#8 ({@code BEGIN PRIVATE KEY}) for
   * RSA or Ed25519, PEM PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), or an Ed25519 key as base64 of its
   * 32-byte seed (dkimpy) or of seed and public key, 64 bytes (rspamd).
   *
   * @throws KeyFormatException when the text holds no usable private key
   */
  public static SigningKey parse(String text) {
    return KeyReader.read(text);
  }

  /**
   * Wraps an RSA or Ed25519 private key from the JDK or a {@link java.security.KeyStore}.
   *
   * @throws KeyFormatException for other key types or RSA keys without public exponent
   */
  public static SigningKey of(PrivateKey key) {
    Objects.requireNonNull(key, "key");
    if (key instanceof RSAPrivateKey rsa) {
      return rsa(rsa);
    }
    if ("Ed25519".equalsIgnoreCase(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
      return KeyReader.fromPkcs8(key.getEncoded());
    }
    throw new KeyFormatException(
        "found a " + key.getAlgorithm() + " private key, expected RSA or Ed25519");
  }

  static SigningKey rsa(RSAPrivateKey key) {
    if (!(key instanceof RSAPrivateCrtKey crt)) {
      throw new KeyFormatException(
          "found an RSA private key without its public exponent (not CRT), expected a full key");
    }
    PublicKey publicKey;
    try {
      publicKey =
          KeyFactory.getInstance("RSA")
              .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new KeyFormatException("the RSA key's public half cannot be derived", e);
    }
    int bits = crt.getModulus().bitLength();
    ExternalSigner signer =
        digest -> {
          Signature signature = Signature.getInstance("NONEwithRSA");
          signature.initSign(key);
          signature.update(DigestInfo.sha256(digest));
          return signature.sign();
        };
    return new SigningKey(KeyType.RSA, bits, publicKey.getEncoded(), signer, "RSA-" + bits);
  }

  static SigningKey ed25519(Ed25519PrivateKeyParameters key) {
    byte[] publicKey = key.generatePublicKey().getEncoded();
    ExternalSigner signer =
        digest -> {
          byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
          key.sign(
              org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519,
              null,
              digest,
              0,
              digest.length,
              signature,
              0);
          return signature;
        };
    return new SigningKey(KeyType.ED25519, 256, publicKey, signer, "Ed25519");
  }

  /**
   * Creates an Ed25519 key from its 32-byte private seed (RFC 8032 section 5.1.5).
   *
   * @throws KeyFormatException when the seed is not 32 bytes
   */
  public static SigningKey ed25519Seed(byte[] seed) {
    if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
      throw new KeyFormatException(
          "found " + seed.length + " bytes, expected a 32-byte Ed25519 seed");
    }
    return ed25519(new Ed25519PrivateKeyParameters(seed, 0));
  }

  /**
   * A key whose signatures are made elsewhere (HSM, PKCS#11, KMS). The private key never enters
   * this JVM.
   *
   * @param publicKey the public half: an {@link RSAPublicKey}, or an Ed25519 public key; used for
   *     the key size and for publishing the DNS record
   * @param signer signs SHA-256 digests as {@link ExternalSigner} describes
   */
  public static SigningKey external(PublicKey publicKey, ExternalSigner signer) {
    Objects.requireNonNull(signer, "signer");
    VerificationKey verificationKey = VerificationKey.of(publicKey);
    String kind =
        verificationKey.type() == KeyType.RSA ? "RSA-" + verificationKey.bits() : "Ed25519";
    return new SigningKey(
        verificationKey.type(),
        verificationKey.bits(),
        verificationKey.recordData(),
        signer,
        "external " + kind);
  }

  /** Returns the key type. */
  public KeyType type() {
    return type;
  }

  /** Returns the signature algorithm this key signs with. */
  public SignatureAlgorithm algorithm() {
    return SignatureAlgorithm.forSigning(type);
  }

  /** Returns the key size in bits (the RSA modulus length, or 256 for Ed25519). */
  public int bits() {
    return bits;
  }

  /**
   * Returns the public key as published in the DNS {@code p=} tag (RFC 6376 section 3.6.1):
   * SubjectPublicKeyInfo DER for RSA, the raw 32 bytes for Ed25519 (RFC 8463 section 4).
   */
  public byte[] publicKeyData() {
    return publicKeyData.clone();
  }

  /**
   * Signs the SHA-256 digest of canonicalized header data.
   *
   * @throws GeneralSecurityException when the signing operation fails
   */
  public byte[] sign(byte[] sha256Digest) throws GeneralSecurityException {
    return signer.sign(sha256Digest);
  }

  @Override
  public String toString() {
    return "SigningKey[" + description + "]";
  }
}
