package org.dkim4j.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A private key that signs DKIM signatures: RSA (rsa-sha256, RFC 6376 section 3.3.1) or Ed25519
 * (ed25519-sha256, RFC 8463 section 3), held in memory or behind an {@link ExternalSigner}.
 *
 * <p>Where keys come from:
 *
 * <ul>
 *   <li>{@link #fromFile(Path, char[])}, {@link #parse(String, char[])}: PEM (PKCS#8, encrypted
 *       PKCS#8, PKCS#1), DER, or the base64 Ed25519 forms of dkimpy and rspamd, detected;
 *   <li>{@link #fromDer(byte[], char[])}: DER bytes, detected;
 *   <li>{@link #fromKeyStore(KeyStore, String, char[])}: a PKCS#12 (or other) key store entry;
 *   <li>{@link #of(PrivateKey)}: a JDK key;
 *   <li>{@link #external(PublicKey, ExternalSigner)}: a key that stays in an HSM or KMS.
 * </ul>
 *
 * <p>The key type is always detected from the data, never assumed. Signing runs on the back-end
 * measured fastest for each algorithm by the {@code benchmarks} module: the JDK's RSA
 * (RSASSA-PKCS1-v1_5 over the DigestInfo, RFC 8017 section 8.2) and Bouncy Castle's Ed25519.
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
   * Reads a key file in any supported format, detecting it; see {@link #fromFile(Path, char[])}.
   *
   * @param path the key file, e.g. {@code 2026a.private} as written by {@code opendkim-genkey}
   * @return the key
   * @throws KeyFormatException when the file holds no usable private key, or an encrypted one
   * @throws IOException when the file cannot be read
   */
  public static SigningKey fromFile(Path path) throws IOException {
    return fromFile(path, null);
  }

  /**
   * Reads a key file in any supported format, detecting it: binary DER (as {@link #fromDer(byte[],
   * char[])}) or text (as {@link #parse(String, char[])}). The file's name is added to error
   * messages.
   *
   * @param path the key file, e.g. {@code 2026a.private} as written by {@code opendkim-genkey}
   * @param password decrypts an encrypted key; ignored for unencrypted keys; may be {@code null}
   * @return the key
   * @throws KeyFormatException when the file holds no usable private key
   * @throws IOException when the file cannot be read
   */
  public static SigningKey fromFile(Path path, char[] password) throws IOException {
    byte[] data = Files.readAllBytes(path);
    try {
      return KeyReader.read(data, password);
    } catch (KeyFormatException e) {
      throw new KeyFormatException(path + ": " + e.getMessage(), e);
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }

  /**
   * Reads a private key from text, detecting its format; see {@link #parse(String, char[])}.
   *
   * @param text the key text, e.g. the contents of a PEM file
   * @return the key
   * @throws KeyFormatException when the text holds no usable private key, or an encrypted one
   */
  public static SigningKey parse(String text) {
    return parse(text, null);
  }

  /**
   * Reads a private key from text, detecting its format and type (RSA or Ed25519, never assumed):
   *
   * <ul>
   *   <li>PEM PKCS#8 ({@code BEGIN PRIVATE KEY}, RFC 5208 / RFC 5958, as written by {@code
   *       opendkim-genkey}, {@code openssl genpkey}, dkimpy and rspamd for RSA);
   *   <li>PEM encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}, RFC 5958 section 3, e.g. PBES2
   *       with AES-256-CBC from {@code openssl pkcs8 -topk8 -v2 aes-256-cbc}), decrypted with
   *       {@code password};
   *   <li>PEM PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, RFC 8017 appendix A.1.2), also with legacy
   *       OpenSSL encryption ({@code Proc-Type: 4,ENCRYPTED});
   *   <li>an Ed25519 key as base64 of its 32-byte seed (RFC 8032 section 5.1.5; dkimpy's {@code
   *       dknewkey}) or of seed and public key, 64 bytes (rspamd's {@code dkim_keygen});
   *   <li>base64 of DER without PEM armour.
   * </ul>
   *
   * <p>PEM text may hold other blocks (certificates, parameters); the first private key is used.
   *
   * @param text the key text
   * @param password decrypts an encrypted key; ignored for unencrypted keys; may be {@code null}
   * @return the key
   * @throws KeyFormatException when the text holds no usable private key; the message says what was
   *     found and what was expected, never key material
   */
  public static SigningKey parse(String text, char[] password) {
    Objects.requireNonNull(text, "text");
    return KeyReader.read(text, password);
  }

  /**
   * Reads a DER-encoded private key, detecting its structure; see {@link #fromDer(byte[], char[])}.
   *
   * @param der the DER bytes, e.g. from {@code openssl pkcs8 -topk8 -nocrypt -outform DER}
   * @return the key
   * @throws KeyFormatException when the bytes are no usable private key, or an encrypted one
   */
  public static SigningKey fromDer(byte[] der) {
    return fromDer(der, null);
  }

  /**
   * Reads a DER-encoded private key, detecting its structure: PKCS#8 PrivateKeyInfo (RFC 5208
   * section 5) for RSA or Ed25519, PKCS#8 EncryptedPrivateKeyInfo (RFC 5208 section 6, decrypted
   * with {@code password}), or PKCS#1 RSAPrivateKey (RFC 8017 appendix A.1.2). Public keys,
   * certificates, EC keys and PKCS#12 files are recognised and refused with a message naming them.
   *
   * @param der the DER bytes, e.g. from {@code openssl pkcs8 -topk8 -nocrypt -outform DER}
   * @param password decrypts an encrypted key; ignored for unencrypted keys; may be {@code null}
   * @return the key
   * @throws KeyFormatException when the bytes are no usable private key
   */
  public static SigningKey fromDer(byte[] der, char[] password) {
    Objects.requireNonNull(der, "der");
    if (der.length == 0 || (der[0] & 0xff) != 0x30) {
      throw new KeyFormatException(
          "found " + der.length + " bytes that are not DER (no SEQUENCE), expected a private key");
    }
    return KeyReader.readDer(der, password);
  }

  /**
   * Reads the private key entry {@code alias} of a loaded {@link KeyStore}, for example a PKCS#12
   * file ({@code KeyStore.getInstance("PKCS12")}, RFC 7292) or a PKCS#11 token. A key the store
   * cannot export (a non-extractable token key) can still be used through {@link
   * #external(PublicKey, ExternalSigner)}.
   *
   * @param store a key store on which {@link KeyStore#load} has been called
   * @param alias the entry's alias
   * @param password the entry's password (for PKCS#12, usually the store's password)
   * @return the key
   * @throws KeyFormatException when there is no such entry, it is not a private key entry, the
   *     password does not unlock it, or it is neither RSA nor Ed25519
   * @throws IllegalStateException when the store has not been loaded
   */
  public static SigningKey fromKeyStore(KeyStore store, String alias, char[] password) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(alias, "alias");
    String where = "key store entry \"" + alias + "\"";
    Key key;
    try {
      if (!store.containsAlias(alias)) {
        throw new KeyFormatException(
            "found no entry \""
                + alias
                + "\" in the "
                + store.getType()
                + " key store ("
                + store.size()
                + " entries), expected a private key entry");
      }
      if (!store.isKeyEntry(alias)) {
        throw new KeyFormatException(
            "found a certificate entry at " + where + ", expected a private key entry");
      }
      key = store.getKey(alias, password);
    } catch (KeyStoreException e) {
      throw new IllegalStateException(
          "the key store is not loaded: call KeyStore.load(...) before reading keys from it", e);
    } catch (UnrecoverableKeyException e) {
      throw new KeyFormatException(
          "found a private key at " + where + " that the password does not unlock");
    } catch (NoSuchAlgorithmException e) {
      throw new KeyFormatException(
          "found a private key at "
              + where
              + " whose protection this JVM cannot undo ("
              + e.getMessage()
              + ")");
    }
    if (!(key instanceof PrivateKey privateKey)) {
      throw new KeyFormatException(
          "found a "
              + (key == null ? "missing" : key.getAlgorithm() + " secret")
              + " key at "
              + where
              + ", expected an RSA or Ed25519 private key");
    }
    try {
      return of(privateKey);
    } catch (KeyFormatException e) {
      throw new KeyFormatException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * Wraps an RSA or Ed25519 private key from the JDK or a {@link java.security.KeyStore}.
   *
   * @param key an RSA private key that carries its public exponent, or an Ed25519 private key
   * @return the key
   * @throws KeyFormatException for other key types or RSA keys without public exponent
   */
  public static SigningKey of(PrivateKey key) {
    Objects.requireNonNull(key, "key");
    if (key instanceof RSAPrivateKey rsa) {
      return rsa(rsa);
    }
    if ("Ed25519".equalsIgnoreCase(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
      byte[] encoded = key.getEncoded();
      if (encoded == null) {
        throw new KeyFormatException(
            "found an Ed25519 private key that cannot be exported (a token key?), expected an"
                + " exportable key; use SigningKey.external(...) for keys that stay in a token");
      }
      try {
        return KeyReader.fromPkcs8(encoded);
      } finally {
        Arrays.fill(encoded, (byte) 0);
      }
    }
    throw new KeyFormatException(
        "found "
            + KeyReader.withArticle(key.getAlgorithm())
            + " private key, expected RSA or Ed25519");
  }

  static SigningKey rsa(RSAPrivateKey key) {
    if (!(key instanceof RSAPrivateCrtKey crt)) {
      throw new KeyFormatException(
          "found an RSA private key without its public exponent (not CRT), expected a full key;"
              + " use SigningKey.external(...) for keys that stay in a token");
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
   * @param seed the 32 seed bytes; not kept after the call
   * @return the key
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
   * @return the key
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

  /**
   * Returns the key type.
   *
   * @return {@link KeyType#RSA} or {@link KeyType#ED25519}
   */
  public KeyType type() {
    return type;
  }

  /**
   * Returns the signature algorithm this key signs with.
   *
   * @return {@link SignatureAlgorithm#RSA_SHA256} or {@link SignatureAlgorithm#ED25519_SHA256}
   */
  public SignatureAlgorithm algorithm() {
    return SignatureAlgorithm.forSigning(type);
  }

  /**
   * Returns the key size in bits (the RSA modulus length, or 256 for Ed25519).
   *
   * @return the key size in bits
   */
  public int bits() {
    return bits;
  }

  /**
   * Returns the public key as published in the DNS {@code p=} tag (RFC 6376 section 3.6.1):
   * SubjectPublicKeyInfo DER for RSA, the raw 32 bytes for Ed25519 (RFC 8463 section 4).
   *
   * @return a new copy of the bytes, to be base64-encoded into {@code p=}
   */
  public byte[] publicKeyData() {
    return publicKeyData.clone();
  }

  /**
   * Signs the SHA-256 digest of canonicalized header data.
   *
   * @param sha256Digest the 32-byte digest of the canonicalized header data (RFC 6376 section 3.7)
   * @return the signature bytes for {@code b=}: RSASSA-PKCS1-v1_5 for RSA, 64 bytes for Ed25519
   *     (RFC 8463 section 3)
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
