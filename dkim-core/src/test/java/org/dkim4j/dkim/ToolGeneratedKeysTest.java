package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.dkim4j.crypto.KeyFormatException;
import org.dkim4j.crypto.KeyType;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.dns.ZoneFileResolver;
import org.dkim4j.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keys made by the tools operators use ({@code opendkim-genkey}, dkimpy's {@code dknewkey}, {@code
 * rspamadm dkim_keygen}, {@code openssl}) load, sign, and verify against the record the tool
 * published. The tools are run at test time into a temporary folder; a missing tool skips its test
 * (fails it in CI).
 */
class ToolGeneratedKeysTest {

  static final Duration TIMEOUT = Duration.ofSeconds(120);
  static final String NAME = "sel._domainkey.example.com";
  static final byte[] MESSAGE =
      ("From: Alice <alice@example.com>\r\n"
              + "To: Bob <bob@example.org>\r\n"
              + "Subject: a key from a tool\r\n"
              + "\r\n"
              + "Hello.\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;

  static void assertSignsAndVerifies(SigningKey key, TxtResolver resolver) {
    byte[] signed =
        DkimSigner.builder().domain("example.com").selector("sel").key(key).build().sign(MESSAGE);
    DkimResults results = DkimVerifier.builder().resolver(resolver).build().verify(signed);
    assertTrue(results.passedFor("example.com"), results.toString());
  }

  ExternalTools.Result run(String... command) {
    return ExternalTools.run(dir, TIMEOUT, command).requireSuccess(List.of(command));
  }

  // ---- opendkim-genkey ----

  @Test
  void opendkimGenkeyRsa2048() throws Exception {
    String tool = ExternalTools.require("opendkim-genkey").toString();
    run(tool, "-b", "2048", "-d", "example.com", "-s", "sel", "-D", dir.toString());
    SigningKey key = SigningKey.fromFile(dir.resolve("sel.private"));
    assertEquals(KeyType.RSA, key.type());
    assertEquals(2048, key.bits());
    ZoneFileResolver zone =
        ZoneFileResolver.fromFiles(List.of(dir.resolve("sel.txt")), "example.com");
    assertSignsAndVerifies(key, zone);
    KeyCheckReport report = KeyCheck.using(zone).check("example.com", "sel", key);
    assertEquals(List.of(), report.findings(), report.toString());
  }

  @Test
  void opendkimGenkeyTestModeIsReportedByKeyCheck() throws Exception {
    String tool = ExternalTools.require("opendkim-genkey").toString();
    run(tool, "-b", "1024", "-t", "-r", "-d", "example.com", "-s", "sel", "-D", dir.toString());
    SigningKey key = SigningKey.fromFile(dir.resolve("sel.private"));
    ZoneFileResolver zone =
        ZoneFileResolver.fromFiles(List.of(dir.resolve("sel.txt")), "example.com");
    assertSignsAndVerifies(key, zone);
    KeyCheckReport report = KeyCheck.using(zone).check("example.com", "sel", key);
    assertTrue(report.has(KeyFinding.Kind.TESTING), report.toString());
    assertTrue(report.has(KeyFinding.Kind.KEY_SIZE), report.toString());
    assertEquals(List.of("email"), report.record().orElseThrow().serviceTypes());
  }

  // ---- dkimpy dknewkey ----

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void dkimpyDknewkey(KeyType type) throws Exception {
    String tool = ExternalTools.require("dknewkey").toString();
    run(tool, "--ktype", type.tagValue(), dir.resolve("sel").toString());
    Path keyFile = dir.resolve("sel.key");
    if (type == KeyType.ED25519) {
      // dkimpy writes the 32-byte seed in base64.
      assertEquals(32, Base64.getMimeDecoder().decode(Files.readString(keyFile).strip()).length);
    }
    SigningKey key = SigningKey.fromFile(keyFile);
    assertEquals(type, key.type());
    String record = Files.readString(dir.resolve("sel.dns")).strip();
    InMemoryTxtResolver dns = InMemoryTxtResolver.builder().txt(NAME, record).build();
    assertSignsAndVerifies(key, dns);
    assertTrue(KeyCheck.using(dns).check("example.com", "sel", key).usable());
  }

  // ---- rspamadm dkim_keygen ----

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void rspamdDkimKeygen(KeyType type) throws Exception {
    String tool = ExternalTools.require("rspamadm").toString();
    Path keyFile = dir.resolve("sel.key");
    List<String> command =
        type == KeyType.RSA
            ? List.of(
                tool,
                "dkim_keygen",
                "-s",
                "sel",
                "-d",
                "example.com",
                "-t",
                "rsa",
                "-b",
                "2048",
                "-k",
                keyFile.toString())
            : List.of(
                tool,
                "dkim_keygen",
                "-s",
                "sel",
                "-d",
                "example.com",
                "-t",
                "ed25519",
                "-k",
                keyFile.toString());
    String zoneText = run(command.toArray(String[]::new)).stdout();
    if (type == KeyType.ED25519) {
      // rspamd writes seed and public key, 64 bytes, in base64.
      assertEquals(64, Base64.getMimeDecoder().decode(Files.readString(keyFile).strip()).length);
    }
    SigningKey key = SigningKey.fromFile(keyFile);
    assertEquals(type, key.type());
    assertSignsAndVerifies(key, ZoneFileResolver.parse(zoneText, "example.com"));
  }

  // ---- openssl ----

  Path opensslKey(KeyType type) {
    String openssl = ExternalTools.require("openssl").toString();
    Path key = dir.resolve(type.tagValue() + ".pem");
    if (type == KeyType.RSA) {
      run(
          openssl,
          "genpkey",
          "-algorithm",
          "RSA",
          "-pkeyopt",
          "rsa_keygen_bits:2048",
          "-out",
          key.toString());
    } else {
      run(openssl, "genpkey", "-algorithm", "ED25519", "-out", key.toString());
    }
    return key;
  }

  /** The record for openssl's own view of the public key, so that ours is checked against it. */
  InMemoryTxtResolver opensslRecord(Path privateKey) throws Exception {
    String pem = run("openssl", "pkey", "-in", privateKey.toString(), "-pubout").stdout();
    PublicKey publicKey;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      publicKey = new JcaPEMKeyConverter().getPublicKey((SubjectPublicKeyInfo) parser.readObject());
    }
    return InMemoryTxtResolver.builder()
        .txt(NAME, KeyRecordBuilder.forPublicKey(publicKey).text())
        .build();
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void opensslGenpkey(KeyType type) throws Exception {
    Path key = opensslKey(type);
    assertSignsAndVerifies(SigningKey.fromFile(key), opensslRecord(key));
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void opensslEncryptedPkcs8(KeyType type) throws Exception {
    Path key = opensslKey(type);
    Path encrypted = dir.resolve("encrypted.pem");
    run(
        "openssl",
        "pkcs8",
        "-topk8",
        "-v2",
        "aes-256-cbc",
        "-in",
        key.toString(),
        "-out",
        encrypted.toString(),
        "-passout",
        "pass:s3cret");
    assertTrue(Files.readString(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assertSignsAndVerifies(
        SigningKey.fromFile(encrypted, "s3cret".toCharArray()), opensslRecord(key));
    KeyFormatException wrong =
        assertThrows(
            KeyFormatException.class, () -> SigningKey.fromFile(encrypted, "guess".toCharArray()));
    assertTrue(wrong.getMessage().contains("password does not decrypt"), wrong.getMessage());
    KeyFormatException none =
        assertThrows(KeyFormatException.class, () -> SigningKey.fromFile(encrypted));
    assertTrue(none.getMessage().contains("a password to decrypt it"), none.getMessage());
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void opensslDerPkcs8(KeyType type) throws Exception {
    Path key = opensslKey(type);
    Path der = dir.resolve("key.der");
    run(
        "openssl",
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-in",
        key.toString(),
        "-outform",
        "DER",
        "-out",
        der.toString());
    assertSignsAndVerifies(SigningKey.fromFile(der), opensslRecord(key));
  }

  @Test
  void opensslPkcs1PemAndDerAndLegacyEncryption() throws Exception {
    Path key = opensslKey(KeyType.RSA);
    InMemoryTxtResolver record = opensslRecord(key);
    Path pem = dir.resolve("pkcs1.pem");
    run("openssl", "rsa", "-in", key.toString(), "-traditional", "-out", pem.toString());
    assertTrue(Files.readString(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    assertSignsAndVerifies(SigningKey.fromFile(pem), record);
    Path der = dir.resolve("pkcs1.der");
    run(
        "openssl",
        "rsa",
        "-in",
        key.toString(),
        "-traditional",
        "-outform",
        "DER",
        "-out",
        der.toString());
    assertSignsAndVerifies(SigningKey.fromFile(der), record);
    Path legacy = dir.resolve("legacy.pem");
    run(
        "openssl",
        "rsa",
        "-in",
        key.toString(),
        "-traditional",
        "-aes128",
        "-passout",
        "pass:s3cret",
        "-out",
        legacy.toString());
    assertTrue(Files.readString(legacy).contains("Proc-Type: 4,ENCRYPTED"));
    assertSignsAndVerifies(SigningKey.fromFile(legacy, "s3cret".toCharArray()), record);
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void opensslPkcs12KeyStore(KeyType type) throws Exception {
    Path key = opensslKey(type);
    Path cert = dir.resolve("cert.pem");
    Path p12 = dir.resolve("key.p12");
    run(
        "openssl",
        "req",
        "-x509",
        "-new",
        "-key",
        key.toString(),
        "-subj",
        "/CN=sel._domainkey.example.com",
        "-days",
        "2",
        "-out",
        cert.toString());
    run(
        "openssl",
        "pkcs12",
        "-export",
        "-inkey",
        key.toString(),
        "-in",
        cert.toString(),
        "-name",
        "dkim",
        "-passout",
        "pass:s3cret",
        "-out",
        p12.toString());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(p12.toFile())) {
      store.load(in, "s3cret".toCharArray());
    }
    SigningKey signingKey = SigningKey.fromKeyStore(store, "dkim", "s3cret".toCharArray());
    assertEquals(type, signingKey.type());
    assertSignsAndVerifies(signingKey, opensslRecord(key));
  }
}
