package org.dkim4j.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcaPKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every private key format {@link SigningKey} reads, and what it says about the ones it refuses.
 */
class SigningKeyFormatsTest {

  /** For encrypting test keys; dkim4j itself never registers a provider. */
  static final BouncyCastleProvider BC = new BouncyCastleProvider();

  static final char[] PASSWORD = "correct horse".toCharArray();
  static final byte[] DIGEST = sha256("header data");

  static KeyPair rsa;
  static KeyPair ed25519;

  @TempDir Path dir;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
    rsaGenerator.initialize(2048);
    rsa = rsaGenerator.generateKeyPair();
    ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair pair(KeyType type) {
    return type == KeyType.RSA ? rsa : ed25519;
  }

  /** The key must be the given pair's private half: its signatures verify with the public half. */
  static void assertSameKey(KeyPair expected, SigningKey key) throws Exception {
    VerificationKey publicKey = VerificationKey.of(expected.getPublic());
    assertEquals(publicKey.type(), key.type());
    assertArrayEquals(publicKey.recordData(), key.publicKeyData());
    assertTrue(publicKey.verify(key.algorithm(), DIGEST, key.sign(DIGEST)));
  }

  static String pem(String type, byte[] der) throws Exception {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(new PemObject(type, der));
    }
    return text.toString();
  }

  static byte[] pkcs1(KeyPair pair) {
    try {
      return PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded())
          .parsePrivateKey()
          .toASN1Primitive()
          .getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] encryptedPkcs8(KeyPair pair) throws Exception {
    PKCS8EncryptedPrivateKeyInfo info =
        new JcaPKCS8EncryptedPrivateKeyInfoBuilder(pair.getPrivate())
            .build(
                new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(BC)
                    .setPassword(PASSWORD)
                    .build());
    return info.getEncoded();
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void readsPemPkcs8(KeyType type) throws Exception {
    assertSameKey(
        pair(type), SigningKey.parse(pem("PRIVATE KEY", pair(type).getPrivate().getEncoded())));
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void readsDerPkcs8(KeyType type) throws Exception {
    assertSameKey(pair(type), SigningKey.fromDer(pair(type).getPrivate().getEncoded()));
  }

  @Test
  void readsPemAndDerPkcs1() throws Exception {
    assertSameKey(rsa, SigningKey.parse(pem("RSA PRIVATE KEY", pkcs1(rsa))));
    assertSameKey(rsa, SigningKey.fromDer(pkcs1(rsa)));
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void readsEncryptedPkcs8WithItsPassword(KeyType type) throws Exception {
    byte[] der = encryptedPkcs8(pair(type));
    assertSameKey(pair(type), SigningKey.parse(pem("ENCRYPTED PRIVATE KEY", der), PASSWORD));
    assertSameKey(pair(type), SigningKey.fromDer(der, PASSWORD));
  }

  @Test
  void readsLegacyOpenSslEncryptedPkcs1() throws Exception {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(
          new JcaMiscPEMGenerator(
              rsa.getPrivate(),
              new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(PASSWORD)));
    }
    assertTrue(text.toString().contains("Proc-Type: 4,ENCRYPTED"));
    assertSameKey(rsa, SigningKey.parse(text.toString(), PASSWORD));
  }

  @Test
  void aPasswordForAnUnencryptedKeyIsIgnored() throws Exception {
    assertSameKey(
        rsa, SigningKey.parse(pem("PRIVATE KEY", rsa.getPrivate().getEncoded()), PASSWORD));
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void fromFileDetectsBinaryDerAndPem(KeyType type) throws Exception {
    Path der = dir.resolve("key.der");
    Files.write(der, pair(type).getPrivate().getEncoded());
    assertSameKey(pair(type), SigningKey.fromFile(der));
    Path pem = dir.resolve("key.pem");
    Files.writeString(pem, pem("PRIVATE KEY", pair(type).getPrivate().getEncoded()));
    assertSameKey(pair(type), SigningKey.fromFile(pem));
    Path encrypted = dir.resolve("key.p8");
    Files.write(encrypted, encryptedPkcs8(pair(type)));
    assertSameKey(pair(type), SigningKey.fromFile(encrypted, PASSWORD));
  }

  @Test
  void readsBase64DerWithoutPemArmour() throws Exception {
    assertSameKey(
        rsa,
        SigningKey.parse(Base64.getMimeEncoder().encodeToString(rsa.getPrivate().getEncoded())));
  }

  @Test
  void skipsCertificatesBeforeTheKeyInOnePemFile() throws Exception {
    String text =
        pem("CERTIFICATE", certificate(rsa, "SHA256withRSA").getEncoded())
            + pem("PRIVATE KEY", rsa.getPrivate().getEncoded());
    assertSameKey(rsa, SigningKey.parse(text));
  }

  @Test
  void anEncryptedKeyWithoutPasswordSaysAPasswordIsNeeded() throws Exception {
    KeyFormatException e =
        assertThrows(
            KeyFormatException.class,
            () -> SigningKey.parse(pem("ENCRYPTED PRIVATE KEY", encryptedPkcs8(rsa))));
    assertEquals(
        "found an encrypted PKCS#8 private key, expected an unencrypted key or a password to"
            + " decrypt it",
        e.getMessage());
  }

  @Test
  void aWrongPasswordIsNamedAsSuch() throws Exception {
    KeyFormatException e =
        assertThrows(
            KeyFormatException.class,
            () -> SigningKey.fromDer(encryptedPkcs8(ed25519), "wrong".toCharArray()));
    assertEquals(
        "found an encrypted PKCS#8 private key (PBES2) that the password does not decrypt (wrong"
            + " password or damaged data)",
        e.getMessage());
  }

  @Test
  void otherKeyTypesAreNamed() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    PrivateKey ecKey = ec.generateKeyPair().getPrivate();
    String expected = "found an EC private key, expected RSA or Ed25519";
    assertEquals(
        expected,
        assertThrows(KeyFormatException.class, () -> SigningKey.fromDer(ecKey.getEncoded()))
            .getMessage());
    assertEquals(
        expected,
        assertThrows(
                KeyFormatException.class,
                () -> SigningKey.parse(pem("PRIVATE KEY", ecKey.getEncoded())))
            .getMessage());
    assertEquals(
        expected, assertThrows(KeyFormatException.class, () -> SigningKey.of(ecKey)).getMessage());
  }

  @Test
  void publicKeysAndCertificatesAreNamed() throws Exception {
    assertTrue(
        assertThrows(
                KeyFormatException.class,
                () -> SigningKey.parse(pem("PUBLIC KEY", rsa.getPublic().getEncoded())))
            .getMessage()
            .startsWith("found a public key but no private key"));
    assertTrue(
        assertThrows(
                KeyFormatException.class, () -> SigningKey.fromDer(rsa.getPublic().getEncoded()))
            .getMessage()
            .startsWith("found a public key (SubjectPublicKeyInfo)"));
    byte[] cert = certificate(rsa, "SHA256withRSA").getEncoded();
    assertTrue(
        assertThrows(KeyFormatException.class, () -> SigningKey.fromDer(cert))
            .getMessage()
            .startsWith("found an X.509 certificate"));
    assertTrue(
        assertThrows(KeyFormatException.class, () -> SigningKey.parse(pem("CERTIFICATE", cert)))
            .getMessage()
            .startsWith("found a certificate but no private key"));
  }

  @Test
  void aPkcs12FileIsNamedAndPointsToFromKeyStore() throws Exception {
    byte[] p12 = pkcs12(rsa, "SHA256withRSA");
    Path file = dir.resolve("key.p12");
    Files.write(file, p12);
    String message =
        assertThrows(KeyFormatException.class, () -> SigningKey.fromFile(file)).getMessage();
    assertTrue(message.contains("found a PKCS#12 key store"), message);
    assertTrue(message.contains("SigningKey.fromKeyStore"), message);
  }

  @Test
  void damagedOrForeignInputSaysWhatWasExpected() {
    for (String text :
        List.of("", "   ", "not a key!", "AAAA", "-----BEGIN PRIVATE KEY-----\nAAA")) {
      String message =
          assertThrows(KeyFormatException.class, () -> SigningKey.parse(text)).getMessage();
      assertTrue(message.startsWith("found "), message);
      assertTrue(message.contains("expected"), message);
    }
    byte[] truncated = java.util.Arrays.copyOf(rsa.getPrivate().getEncoded(), 100);
    assertTrue(
        assertThrows(KeyFormatException.class, () -> SigningKey.fromDer(truncated))
            .getMessage()
            .startsWith("found damaged DER (100 bytes)"));
    assertThrows(KeyFormatException.class, () -> SigningKey.fromDer(new byte[] {1, 2, 3}));
  }

  @Test
  void aBinaryFileThatIsNotDerIsRefused(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("key.bin");
    Files.write(file, new byte[] {0x01, 0x02, (byte) 0xff});
    String message =
        assertThrows(KeyFormatException.class, () -> SigningKey.fromFile(file)).getMessage();
    assertTrue(message.startsWith(file + ": found binary data that is not DER"), message);
  }

  // ---- KeyStore ----

  static X509Certificate certificate(KeyPair pair, String algorithm) throws Exception {
    X500Name name = new X500Name("CN=sel._domainkey.example.com");
    Date now = new Date();
    return new JcaX509CertificateConverter()
        .getCertificate(
            new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.ONE,
                    now,
                    new Date(now.getTime() + 86_400_000L),
                    name,
                    pair.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())));
  }

  static byte[] pkcs12(KeyPair pair, String algorithm) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "dkim", pair.getPrivate(), PASSWORD, new X509Certificate[] {certificate(pair, algorithm)});
    store.setCertificateEntry("ca", certificate(pair, algorithm));
    store.setEntry(
        "hmac",
        new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[32], "HmacSHA256")),
        new KeyStore.PasswordProtection(PASSWORD));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, PASSWORD);
    return out.toByteArray();
  }

  static KeyStore load(byte[] p12) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(p12), PASSWORD);
    return store;
  }

  @Test
  void readsRsaAndEd25519KeysFromAPkcs12KeyStore() throws Exception {
    assertSameKey(
        rsa, SigningKey.fromKeyStore(load(pkcs12(rsa, "SHA256withRSA")), "dkim", PASSWORD));
    assertSameKey(
        ed25519, SigningKey.fromKeyStore(load(pkcs12(ed25519, "Ed25519")), "dkim", PASSWORD));
  }

  @Test
  void keyStoreProblemsAreNamed() throws Exception {
    KeyStore store = load(pkcs12(rsa, "SHA256withRSA"));
    assertEquals(
        "found no entry \"nope\" in the PKCS12 key store (3 entries), expected a private key entry",
        assertThrows(
                KeyFormatException.class, () -> SigningKey.fromKeyStore(store, "nope", PASSWORD))
            .getMessage());
    assertEquals(
        "found a certificate entry at key store entry \"ca\", expected a private key entry",
        assertThrows(KeyFormatException.class, () -> SigningKey.fromKeyStore(store, "ca", PASSWORD))
            .getMessage());
    assertEquals(
        "found a private key at key store entry \"dkim\" that the password does not unlock",
        assertThrows(
                KeyFormatException.class,
                () -> SigningKey.fromKeyStore(store, "dkim", "wrong".toCharArray()))
            .getMessage());
    assertTrue(
        assertThrows(
                KeyFormatException.class, () -> SigningKey.fromKeyStore(store, "hmac", PASSWORD))
            .getMessage()
            .contains("secret key"));
    KeyStore unloaded = KeyStore.getInstance("PKCS12");
    assertThrows(
        IllegalStateException.class, () -> SigningKey.fromKeyStore(unloaded, "dkim", PASSWORD));
  }

  // ---- secrets ----

  /** Every 16-character window of the base64 (and hex) forms of a key's private parts. */
  static List<String> secretFragments(KeyPair pair) {
    List<String> forms = new ArrayList<>();
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    forms.add(Base64.getEncoder().encodeToString(pkcs8));
    if (pair == rsa) {
      forms.add(Base64.getEncoder().encodeToString(pkcs1(pair)));
    } else {
      byte[] seed = java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
      forms.add(Base64.getEncoder().encodeToString(seed));
      forms.add(new BigInteger(1, seed).toString(16));
    }
    List<String> fragments = new ArrayList<>();
    for (String form : forms) {
      for (int i = 0; i + 16 <= form.length(); i += 4) {
        fragments.add(form.substring(i, i + 16));
      }
    }
    return fragments;
  }

  static void collect(List<String> texts, Supplier<Object> attempt) {
    try {
      texts.add(String.valueOf(attempt.get()));
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        texts.add(t.getMessage());
        texts.add(t.toString());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void noKeyMaterialInAnyMessageOrToString(KeyType type) throws Exception {
    KeyPair pair = pair(type);
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    String pem = pem("PRIVATE KEY", pkcs8);
    byte[] encrypted = encryptedPkcs8(pair);
    List<String> texts = new ArrayList<>();
    collect(texts, () -> SigningKey.parse(pem));
    collect(texts, () -> SigningKey.fromDer(pkcs8));
    collect(texts, () -> SigningKey.of(pair.getPrivate()));
    collect(texts, () -> SigningKey.fromDer(encrypted, "wrong".toCharArray()));
    collect(texts, () -> SigningKey.fromDer(encrypted));
    collect(texts, () -> SigningKey.fromDer(java.util.Arrays.copyOf(pkcs8, pkcs8.length - 1)));
    collect(texts, () -> SigningKey.fromDer(java.util.Arrays.copyOf(pkcs8, pkcs8.length + 3)));
    byte[] flipped = pkcs8.clone();
    flipped[flipped.length / 2] ^= 0x55;
    collect(texts, () -> SigningKey.fromDer(flipped));
    collect(texts, () -> SigningKey.parse(pem.replace("PRIVATE KEY", "PRIVAT KEY")));
    collect(texts, () -> SigningKey.parse(pem.substring(0, pem.length() / 2)));
    collect(texts, () -> SigningKey.parse(pem.substring(pem.indexOf('\n') + 1)));
    String encryptedPem = pem("ENCRYPTED PRIVATE KEY", encrypted);
    String mislabelled = pem("RSA PRIVATE KEY", pkcs8);
    String ecLabel = pem("EC PRIVATE KEY", pkcs8);
    collect(texts, () -> SigningKey.parse(encryptedPem));
    collect(texts, () -> SigningKey.parse(encryptedPem, "wrong".toCharArray()));
    collect(texts, () -> SigningKey.parse(mislabelled));
    collect(texts, () -> SigningKey.parse(ecLabel));
    collect(texts, () -> SigningKey.parse(pem + "\ntrailing garbage"));
    texts.add(DkimKeyPair.generate(type).toString());
    assertFalse(texts.isEmpty());
    for (String fragment : secretFragments(pair)) {
      for (String text : texts) {
        assertFalse(
            text != null && text.contains(fragment),
            "key material in: " + text.substring(0, Math.min(80, text.length())) + "...");
      }
    }
  }
}
