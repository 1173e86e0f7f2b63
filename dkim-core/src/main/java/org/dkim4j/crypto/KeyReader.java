package org.dkim4j.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Detects the format of private key text and reads it. */
final class KeyReader {
  private KeyReader() {}

  static SigningKey read(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new KeyFormatException("found no key data (empty input)");
    }
    if (trimmed.contains("-----BEGIN")) {
      return readPem(trimmed);
    }
    byte[] raw;
    try {
      raw = Base64.getMimeDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException(
          "found text that is neither PEM nor base64, expected a PEM private key or an Ed25519"
              + " seed in base64");
    }
    if (raw.length == 32) {
      return SigningKey.ed25519Seed(raw);
    }
    if (raw.length == 64) {
      return ed25519SeedAndPublicKey(raw);
    }
    throw new KeyFormatException(
        "found "
            + raw.length
            + " bytes of base64, expected a PEM private key or an Ed25519 seed (32 bytes) or"
            + " seed and public key (64 bytes)");
  }

  private static SigningKey ed25519SeedAndPublicKey(byte[] raw) {
    byte[] seed = java.util.Arrays.copyOf(raw, 32);
    Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(seed, 0);
    byte[] derived = key.generatePublicKey().getEncoded();
    if (!java.util.Arrays.equals(derived, java.util.Arrays.copyOfRange(raw, 32, 64))) {
      throw new KeyFormatException(
          "found 64 bytes whose second half is not the public key of the first, expected an"
              + " Ed25519 seed followed by its public key");
    }
    return SigningKey.ed25519(key);
  }

  private static SigningKey readPem(String text) {
    Object object;
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      object = parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw new KeyFormatException("found a damaged PEM block, expected a private key");
    }
    if (object == null) {
      throw new KeyFormatException("found no PEM block, expected a private key");
    }
    if (object instanceof PEMKeyPair pair) {
      return fromPrivateKeyInfo(pair.getPrivateKeyInfo());
    }
    if (object instanceof PrivateKeyInfo info) {
      return fromPrivateKeyInfo(info);
    }
    if (object instanceof PKCS8EncryptedPrivateKeyInfo) {
      throw new KeyFormatException(
          "found an encrypted private key, expected an unencrypted one (pass the password)");
    }
    if (object instanceof SubjectPublicKeyInfo) {
      throw new KeyFormatException("found a public key, expected a private key");
    }
    throw new KeyFormatException(
        "found a PEM " + object.getClass().getSimpleName() + ", expected a private key");
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
        AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
        return SigningKey.ed25519((Ed25519PrivateKeyParameters) key);
      }
    } catch (IOException | RuntimeException e) {
      throw new KeyFormatException("found a damaged " + algorithmName(oid) + " private key");
    }
    throw new KeyFormatException(
        "found a " + algorithmName(oid) + " private key, expected RSA or Ed25519");
  }

  private static String algorithmName(ASN1ObjectIdentifier oid) {
    if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
      return "RSA";
    }
    if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
      return "Ed25519";
    }
    if (EdECObjectIdentifiers.id_Ed448.equals(oid)) {
      return "Ed448";
    }
    if ("1.2.840.10045.2.1".equals(oid.getId())) {
      return "EC";
    }
    return "OID " + oid.getId();
  }
}
