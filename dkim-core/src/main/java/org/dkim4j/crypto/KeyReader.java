package org.dkim4j.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Detects the format of private key data and reads it: PEM (through Bouncy Castle's {@link
 * PEMParser}), DER, or a base64 Ed25519 seed. Messages say what was found and what was expected and
 * never quote the data.
 */
final class KeyReader {

  private static final String EXPECTED =
      "expected an RSA or Ed25519 private key (PEM or DER, PKCS#8 or PKCS#1) or an Ed25519 seed in"
          + " base64";

  private KeyReader() {}

  /** A Bouncy Castle provider for password-based decryption, created on first use only. */
  private static final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  /** Reads the bytes of a key file: binary DER or text. */
  static SigningKey read(byte[] data, char[] password) {
    if (data.length == 0) {
      throw new KeyFormatException("found an empty file, " + EXPECTED);
    }
    if (!isText(data)) {
      if ((data[0] & 0xff) == 0x30) {
        return readDer(data, password);
      }
      throw new KeyFormatException(
          "found binary data that is not DER (it does not start with a SEQUENCE), " + EXPECTED);
    }
    return read(new String(data, StandardCharsets.US_ASCII), password);
  }

  /** Reads PEM text or a base64 Ed25519 seed. */
  static SigningKey read(String text, char[] password) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new KeyFormatException("found no key data (empty input), " + EXPECTED);
    }
    if (trimmed.contains("-----BEGIN")) {
      return readPem(trimmed, password);
    }
    byte[] raw;
    try {
      raw = Base64.getMimeDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException("found text that is neither PEM nor base64, " + EXPECTED);
    }
    if (raw.length == 32) {
      return SigningKey.ed25519Seed(raw);
    }
    if (raw.length == 64) {
      return ed25519SeedAndPublicKey(raw);
    }
    if (raw.length > 0 && (raw[0] & 0xff) == 0x30) {
      // PEM without its armour: base64 of DER.
      return readDer(raw, password);
    }
    throw new KeyFormatException(
        "found "
            + raw.length
            + " bytes of base64, expected a PEM private key or an Ed25519 seed (32 bytes) or"
            + " seed and public key (64 bytes)");
  }

  private static boolean isText(byte[] data) {
    for (byte b : data) {
      int c = b & 0xff;
      if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7e))) {
        return false;
      }
    }
    return true;
  }

  private static SigningKey ed25519SeedAndPublicKey(byte[] raw) {
    byte[] seed = Arrays.copyOf(raw, 32);
    Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(seed, 0);
    byte[] derived = key.generatePublicKey().getEncoded();
    if (!Arrays.equals(derived, Arrays.copyOfRange(raw, 32, 64))) {
      throw new KeyFormatException(
          "found 64 bytes whose second half is not the public key of the first, expected an"
              + " Ed25519 seed followed by its public key");
    }
    return SigningKey.ed25519(key);
  }

  private static SigningKey readPem(String text, char[] password) {
    List<String> found = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      Object object;
      while ((object = readObject(parser)) != null) {
        SigningKey key = fromPemObject(object, password, found);
        if (key != null) {
          return key;
        }
      }
    } catch (IOException e) {
      throw new KeyFormatException("found a damaged PEM block, " + EXPECTED);
    }
    if (found.isEmpty()) {
      throw new KeyFormatException("found no PEM block, " + EXPECTED);
    }
    throw new KeyFormatException(
        "found " + String.join(" and ", found) + " but no private key, " + EXPECTED);
  }

  private static Object readObject(PEMParser parser) {
    try {
      return parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw new KeyFormatException("found a damaged PEM block, " + EXPECTED);
    }
  }

  /** Returns the key, or null after noting in {@code found} what the object was. */
  private static SigningKey fromPemObject(Object object, char[] password, List<String> found) {
    if (object instanceof PEMKeyPair pair) {
      return fromPrivateKeyInfo(pair.getPrivateKeyInfo());
    }
    if (object instanceof PrivateKeyInfo info) {
      return fromPrivateKeyInfo(info);
    }
    if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
      return fromPrivateKeyInfo(decrypt(encrypted, password));
    }
    if (object instanceof PEMEncryptedKeyPair encrypted) {
      requirePassword(password, "a legacy OpenSSL-encrypted private key");
      try {
        return fromPrivateKeyInfo(
            encrypted
                .decryptKeyPair(
                    new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password))
                .getPrivateKeyInfo());
      } catch (IOException | RuntimeException e) {
        throw new KeyFormatException(
            "found a legacy OpenSSL-encrypted private key that the password does not decrypt"
                + " (wrong password or damaged data)");
      }
    }
    if (object instanceof SubjectPublicKeyInfo) {
      found.add("a public key");
    } else if (object instanceof X509CertificateHolder) {
      found.add("a certificate");
    } else if (object instanceof ASN1ObjectIdentifier) {
      found.add("curve parameters");
    } else {
      found.add("a PEM " + object.getClass().getSimpleName());
    }
    return null;
  }

  private static void requirePassword(char[] password, String what) {
    if (password == null) {
      throw new KeyFormatException(
          "found " + what + ", expected an unencrypted key or a password to decrypt it");
    }
  }

  private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, char[] password) {
    requirePassword(password, "an encrypted PKCS#8 private key");
    InputDecryptorProvider decryptor;
    try {
      decryptor =
          new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password);
    } catch (Exception e) {
      throw new KeyFormatException("cannot set up PKCS#8 decryption in this JVM", e);
    }
    try {
      return encrypted.decryptPrivateKeyInfo(decryptor);
    } catch (Exception e) {
      throw new KeyFormatException(
          "found an encrypted PKCS#8 private key ("
              + encryptionName(encrypted)
              + ") that the password does not decrypt (wrong password or damaged data)");
    }
  }

  private static String encryptionName(PKCS8EncryptedPrivateKeyInfo encrypted) {
    ASN1ObjectIdentifier oid = encrypted.getEncryptionAlgorithm().getAlgorithm();
    return PKCSObjectIdentifiers.id_PBES2.equals(oid) ? "PBES2" : "OID " + oid.getId();
  }

  /**
   * Reads DER, detecting the structure: PKCS#8 PrivateKeyInfo, PKCS#8 EncryptedPrivateKeyInfo, or
   * PKCS#1 RSAPrivateKey; public keys, certificates, SEC 1 EC keys and PKCS#12 files are named.
   */
  static SigningKey readDer(byte[] der, char[] password) {
    ASN1Sequence sequence;
    try {
      ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
      if (!(primitive instanceof ASN1Sequence s)) {
        throw new KeyFormatException("found DER that is not a SEQUENCE, " + EXPECTED);
      }
      sequence = s;
    } catch (IOException | RuntimeException e) {
      if (e instanceof KeyFormatException k) {
        throw k;
      }
      throw new KeyFormatException("found damaged DER (" + der.length + " bytes), " + EXPECTED);
    }
    if (sequence.size() < 2) {
      throw new KeyFormatException("found a DER SEQUENCE too short for a key, " + EXPECTED);
    }
    ASN1Encodable first = sequence.getObjectAt(0);
    ASN1Encodable second = sequence.getObjectAt(1);
    try {
      if (first instanceof ASN1Integer version) {
        if (sequence.size() >= 9 && allIntegers(sequence)) {
          return fromPkcs1(sequence);
        }
        if (second instanceof ASN1OctetString) {
          throw new KeyFormatException("found an EC private key (SEC 1), " + EXPECTED);
        }
        if (second instanceof ASN1Sequence && version.intValueExact() == 3) {
          throw new KeyFormatException(
              "found a PKCS#12 key store, expected a private key (load it as a"
                  + " java.security.KeyStore and use SigningKey.fromKeyStore)");
        }
        if (second instanceof ASN1Sequence) {
          return fromPrivateKeyInfo(PrivateKeyInfo.getInstance(sequence));
        }
      } else if (first instanceof ASN1Sequence) {
        if (second instanceof ASN1OctetString && sequence.size() == 2) {
          EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(sequence);
          return fromPrivateKeyInfo(decrypt(new PKCS8EncryptedPrivateKeyInfo(info), password));
        }
        if (second instanceof ASN1BitString && sequence.size() == 2) {
          throw new KeyFormatException("found a public key (SubjectPublicKeyInfo), " + EXPECTED);
        }
        if (second instanceof ASN1Sequence && sequence.size() == 3) {
          throw new KeyFormatException("found an X.509 certificate, " + EXPECTED);
        }
      }
    } catch (KeyFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KeyFormatException("found damaged key structures in DER, " + EXPECTED);
    }
    throw new KeyFormatException("found DER of an unknown structure, " + EXPECTED);
  }

  private static boolean allIntegers(ASN1Sequence sequence) {
    for (ASN1Encodable element : sequence) {
      if (!(element instanceof ASN1Integer)) {
        return false;
      }
    }
    return true;
  }

  private static SigningKey fromPkcs1(ASN1Sequence sequence) {
    org.bouncycastle.asn1.pkcs.RSAPrivateKey rsa =
        org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(sequence);
    try {
      return fromPrivateKeyInfo(
          new PrivateKeyInfo(
              new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), rsa));
    } catch (IOException e) {
      throw new KeyFormatException("found a damaged PKCS#1 RSA private key");
    }
  }

  static SigningKey fromPkcs8(byte[] der) {
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(der);
    } catch (RuntimeException e) {
      throw new KeyFormatException("found damaged PKCS#8 data, expected a private key");
    }
    return fromPrivateKeyInfo(info);
  }

  static SigningKey fromPrivateKeyInfo(PrivateKeyInfo info) {
    ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
    try {
      if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
        PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(info);
        return SigningKey.rsa((RSAPrivateKey) key);
      }
      if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
        Ed25519PrivateKeyParameters key =
            (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(info);
        if (info.hasPublicKey()
            && !Arrays.equals(
                info.getPublicKeyData().getOctets(), key.generatePublicKey().getEncoded())) {
          throw new KeyFormatException(
              "found a PKCS#8 Ed25519 key whose embedded public key does not belong to it,"
                  + " expected a consistent key");
        }
        return SigningKey.ed25519(key);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof KeyFormatException k) {
        throw k;
      }
      throw new KeyFormatException("found a damaged " + algorithmName(oid) + " private key");
    }
    throw new KeyFormatException(
        "found " + withArticle(algorithmName(oid)) + " private key, expected RSA or Ed25519");
  }

  /** Returns the name with its indefinite article as spoken: "an RSA", "an EC", "a DSA". */
  static String withArticle(String algorithmName) {
    return (algorithmName.equals("DSA") ? "a " : "an ") + algorithmName;
  }

  static String algorithmName(ASN1ObjectIdentifier oid) {
    if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
      return "RSA";
    }
    if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
      return "RSASSA-PSS";
    }
    if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
      return "Ed25519";
    }
    if (EdECObjectIdentifiers.id_Ed448.equals(oid)) {
      return "Ed448";
    }
    if (EdECObjectIdentifiers.id_X25519.equals(oid)) {
      return "X25519";
    }
    if ("1.2.840.10045.2.1".equals(oid.getId())) {
      return "EC";
    }
    if ("1.2.840.10040.4.1".equals(oid.getId())) {
      return "DSA";
    }
    return "OID " + oid.getId();
  }
}
