package org.dkim4j.crypto;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A newly generated DKIM key pair: RSA of 1024, 2048, 3072 or 4096 bits (RFC 6376 section 3.3.3,
 * RFC 8301 section 3.2) or Ed25519 (RFC 8463 section 3), with its private key in PKCS#8 PEM and its
 * public key as published in {@code p=}.
 *
 * <p>{@link #toString()} names the type and size only. {@link #privateKeyPem()} is the one method
 * that returns key material, for writing the key file.
 */
public final class DkimKeyPair {

  /** The RSA sizes that can be generated; 2048 is the default. */
  public static final Set<Integer> RSA_SIZES = Set.of(1024, 2048, 3072, 4096);

  /** The default RSA size: RFC 8301 section 3.2 says signers SHOULD use at least 2048 bits. */
  public static final int DEFAULT_RSA_BITS = 2048;

  private final SigningKey signingKey;
  private final byte[] pkcs8;

  private DkimKeyPair(SigningKey signingKey, byte[] pkcs8) {
    this.signingKey = signingKey;
    this.pkcs8 = pkcs8;
  }

  /**
   * Generates an RSA-2048 or an Ed25519 key pair with a new {@link SecureRandom}.
   *
   * @param type {@link KeyType#RSA} for 2048 bits, or {@link KeyType#ED25519}
   * @return the new key pair
   */
  public static DkimKeyPair generate(KeyType type) {
    return generate(type, type == KeyType.RSA ? DEFAULT_RSA_BITS : 256, new SecureRandom());
  }

  /**
   * Generates a key pair.
   *
   * @param type the key type
   * @param bits for RSA one of {@link #RSA_SIZES}; for Ed25519 256 (or 0, meaning the same)
   * @param random the randomness source
   * @return the new key pair
   * @throws IllegalArgumentException for an unsupported size
   */
  public static DkimKeyPair generate(KeyType type, int bits, SecureRandom random) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(random, "random");
    if (type == KeyType.ED25519) {
      if (bits != 256 && bits != 0) {
        throw new IllegalArgumentException("Ed25519 keys have 256 bits, not " + bits);
      }
      Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
      byte[] seed = key.getEncoded();
      try {
        // PKCS#8 version 1 without the public key, as OpenSSL writes it (RFC 8410 section 7).
        byte[] der =
            new PrivateKeyInfo(
                    new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                    new DEROctetString(seed))
                .getEncoded();
        return new DkimKeyPair(SigningKey.ed25519(key), der);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        Arrays.fill(seed, (byte) 0);
      }
    }
    if (!RSA_SIZES.contains(bits)) {
      throw new IllegalArgumentException(
          "RSA keys can be generated with 1024, 2048, 3072 or 4096 bits, not "
              + bits
              + " (RFC 8301 section 3.2: at least 1024, 2048 or more recommended)");
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(new RSAKeyGenParameterSpec(bits, BigInteger.valueOf(65537)), random);
      KeyPair pair = generator.generateKeyPair();
      RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
      return new DkimKeyPair(SigningKey.rsa(key), key.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate RSA keys", e);
    }
  }

  /**
   * Returns the key type.
   *
   * @return {@link KeyType#RSA} or {@link KeyType#ED25519}
   */
  public KeyType type() {
    return signingKey.type();
  }

  /**
   * Returns the key size in bits (256 for Ed25519).
   *
   * @return the RSA modulus length, or 256 for Ed25519
   */
  public int bits() {
    return signingKey.bits();
  }

  /**
   * Returns the private key, ready for {@code DkimSigner.Builder.key(...)}.
   *
   * @return the signing key, never {@code null}
   */
  public SigningKey signingKey() {
    return signingKey;
  }

  /**
   * Returns the public key as published in {@code p=} (RFC 6376 section 3.6.1):
   * SubjectPublicKeyInfo DER for RSA, the raw 32 bytes for Ed25519 (RFC 8463 section 4).
   *
   * @return a new copy of the bytes, to be base64-encoded into {@code p=}
   */
  public byte[] publicKeyData() {
    return signingKey.publicKeyData();
  }

  /**
   * Returns the public key.
   *
   * @return the public half, as verifiers decode it from {@code p=}
   */
  public VerificationKey verificationKey() {
    return VerificationKey.decode(type(), signingKey.publicKeyData());
  }

  /**
   * Returns the private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, RFC 7468 section
   * 10), the format {@code opendkim-genkey} writes and every DKIM implementation reads. This is key
   * material: write it to a file only the signer can read.
   *
   * @return the PEM text, ending in a newline
   */
  public String privateKeyPem() {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject("PRIVATE KEY", pkcs8));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen with a StringWriter
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "DkimKeyPair[" + (type() == KeyType.RSA ? "RSA-" + bits() : "Ed25519") + "]";
  }
}
