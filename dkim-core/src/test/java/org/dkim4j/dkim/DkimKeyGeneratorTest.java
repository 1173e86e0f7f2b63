package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dkim4j.crypto.KeyType;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.dns.ZoneFileResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Key generation as {@code opendkim-genkey} does it, checked by signing and verifying. */
class DkimKeyGeneratorTest {

  static final byte[] MESSAGE =
      ("From: Alice <alice@example.com>\r\n"
              + "To: Bob <bob@example.org>\r\n"
              + "Subject: generated keys\r\n"
              + "Message-ID: <1@example.com>\r\n"
              + "\r\n"
              + "Hello.\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  @TempDir Path dir;

  static Stream<Arguments> everySize() {
    return Stream.of(
        Arguments.of(KeyType.RSA, 1024),
        Arguments.of(KeyType.RSA, 2048),
        Arguments.of(KeyType.RSA, 3072),
        Arguments.of(KeyType.RSA, 4096),
        Arguments.of(KeyType.ED25519, 256));
  }

  static DkimKeyGenerator.Builder generator(KeyType type, int bits) {
    DkimKeyGenerator.Builder builder = DkimKeyGenerator.builder().selector("sel");
    return type == KeyType.RSA ? builder.rsa(bits) : builder.ed25519();
  }

  /** Signs with the key and verifies through the given resolver. */
  static DkimResult signAndVerify(SigningKey key, TxtResolver resolver) {
    byte[] signed =
        DkimSigner.builder().domain("example.com").selector("sel").key(key).build().sign(MESSAGE);
    DkimResults results = DkimVerifier.builder().resolver(resolver).build().verify(signed);
    assertEquals(1, results.results().size());
    return results.results().get(0);
  }

  static List<String> quotedStrings(String zoneText) {
    List<String> strings = new ArrayList<>();
    Matcher m = QUOTED.matcher(zoneText);
    while (m.find()) {
      strings.add(m.group(1));
    }
    return strings;
  }

  @ParameterizedTest(name = "{0}-{1}")
  @MethodSource("everySize")
  void generatedFilesSignAndVerifyThroughTheZoneFile(KeyType type, int bits) throws Exception {
    GeneratedDkimKey key = generator(type, bits).domain("example.com").build().generate();
    GeneratedDkimKey.KeyFiles files = key.writeFiles(dir);

    assertEquals(dir.resolve("sel.private"), files.privateKey());
    assertEquals(dir.resolve("sel.txt"), files.record());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey())));
    assertTrue(Files.readString(files.privateKey()).startsWith("-----BEGIN PRIVATE KEY-----\n"));

    String zone = Files.readString(files.record());
    assertTrue(
        zone.startsWith(
            "sel._domainkey.example.com.\tIN\tTXT\t( \"v=DKIM1; k=" + type.tagValue() + "; \""),
        zone);
    for (String string : quotedStrings(zone)) {
      assertTrue(string.getBytes(StandardCharsets.US_ASCII).length <= 255, string);
    }
    assertEquals(key.recordText(), String.join("", quotedStrings(zone)));

    SigningKey loaded = SigningKey.fromFile(files.privateKey());
    assertEquals(type, loaded.type());
    assertEquals(bits, loaded.bits());
    DkimResult result =
        signAndVerify(loaded, ZoneFileResolver.fromFiles(List.of(files.record()), null));
    assertTrue(result.passed(), result.toString());
    assertEquals(bits, result.keyBits());
  }

  @Test
  void withoutDomainTheOwnerNameIsRelativeToTheZoneOrigin() throws Exception {
    GeneratedDkimKey key = generator(KeyType.ED25519, 256).build().generate();
    assertTrue(key.zoneLine().startsWith("sel._domainkey\tIN\tTXT\t( "), key.zoneLine());
    DkimResult result =
        signAndVerify(key.signingKey(), ZoneFileResolver.parse(key.zoneLine(), "example.com"));
    assertTrue(result.passed(), result.toString());
  }

  @Test
  void theRecordOptionsAppearAndParse() {
    GeneratedDkimKey key =
        generator(KeyType.RSA, 2048)
            .domain("example.com")
            .testing(true)
            .strictIdentity(true)
            .hashAlgorithms("sha256")
            .serviceTypes("email")
            .notes("rotated 2026-01; ask ops=team")
            .build()
            .generate();
    assertTrue(
        key.recordText()
            .startsWith(
                "v=DKIM1; k=rsa; h=sha256; s=email; t=y:s; n=rotated=202026-01=3B=20ask=20ops=3Dteam;"
                    + " p="),
        key.recordText());
    KeyRecord record = KeyRecord.parse(key.recordText());
    assertTrue(record.testing());
    assertTrue(record.strictIdentity());
    assertEquals(List.of("sha256"), record.hashAlgorithms());
    assertEquals(List.of("email"), record.serviceTypes());
    DkimResult result =
        signAndVerify(
            key.signingKey(),
            InMemoryTxtResolver.builder()
                .txt("sel._domainkey.example.com", key.recordText())
                .build());
    assertTrue(result.passed(), result.toString());
    assertTrue(result.testing());
  }

  @Test
  void existingKeyFilesAreNotReplaced() throws Exception {
    GeneratedDkimKey first = generator(KeyType.ED25519, 256).build().generate();
    first.writeFiles(dir);
    String before = Files.readString(dir.resolve("sel.private"));
    GeneratedDkimKey second = generator(KeyType.ED25519, 256).build().generate();
    assertThrows(FileAlreadyExistsException.class, () -> second.writeFiles(dir));
    assertEquals(before, Files.readString(dir.resolve("sel.private")));
  }

  @Test
  void overwritingReplacesTheKeyAndKeepsItPrivate() throws Exception {
    generator(KeyType.ED25519, 256).build().generate().writeFiles(dir);
    GeneratedDkimKey second = generator(KeyType.ED25519, 256).build().generate();
    GeneratedDkimKey.KeyFiles files = second.writeFiles(dir, true);
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey())));
    assertEquals(
        second.recordText(),
        KeyRecordBuilder.forKey(SigningKey.fromFile(files.privateKey())).text());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(2, left.count(), "no temporary file is left behind");
    }
  }

  @Test
  void theRecordOfAnExistingKeyCanBePublishedAgain() throws Exception {
    GeneratedDkimKey key = generator(KeyType.RSA, 2048).domain("example.com").build().generate();
    GeneratedDkimKey.KeyFiles files = key.writeFiles(dir);
    SigningKey reloaded = SigningKey.fromFile(files.privateKey());
    assertEquals(key.zoneLine(), KeyRecordBuilder.forKey(reloaded).zoneLine("sel", "example.com"));
    assertEquals(key.recordText(), KeyRecordBuilder.forKey(key.keyPair().verificationKey()).text());
  }

  @Test
  void aRevocationRecordMakesSignaturesPermerror() {
    GeneratedDkimKey key = generator(KeyType.ED25519, 256).build().generate();
    String revoked = KeyRecordBuilder.revocation(KeyType.ED25519).text();
    assertEquals("v=DKIM1; k=ed25519; p=", revoked);
    DkimResult result =
        signAndVerify(
            key.signingKey(),
            InMemoryTxtResolver.builder().txt("sel._domainkey.example.com", revoked).build());
    assertEquals(DkimStatus.PERMERROR, result.status());
  }

  @Test
  void longNotesAreSplitInto255ByteStrings() {
    GeneratedDkimKey key =
        generator(KeyType.ED25519, 256).notes("x".repeat(600)).build().generate();
    List<String> strings = quotedStrings(key.zoneLine());
    assertTrue(strings.size() >= 4, strings.toString());
    for (String s : strings) {
      assertTrue(s.length() <= 255);
    }
    assertEquals(key.recordText(), String.join("", strings));
  }

  @Test
  void unsupportedSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> DkimKeyGenerator.builder().rsa(512));
    assertThrows(IllegalArgumentException.class, () -> DkimKeyGenerator.builder().rsa(8192));
    assertThrows(IllegalArgumentException.class, () -> DkimKeyGenerator.builder().selector("a b"));
    assertThrows(
        IllegalArgumentException.class, () -> DkimKeyGenerator.builder().hashAlgorithms("sha;1"));
    assertThrows(IllegalStateException.class, () -> DkimKeyGenerator.builder().build());
  }

  @Test
  void toStringShowsNoKeyMaterial() {
    GeneratedDkimKey key = generator(KeyType.ED25519, 256).domain("example.com").build().generate();
    String pem = key.keyPair().privateKeyPem();
    String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf('\n') + 17);
    for (String text :
        List.of(
            key.toString(),
            key.keyPair().toString(),
            key.signingKey().toString(),
            generator(KeyType.ED25519, 256).build().toString())) {
      assertFalse(text.contains(body), text);
    }
    assertEquals(
        "GeneratedDkimKey[sel._domainkey.example.com, DkimKeyPair[Ed25519]]", key.toString());
  }
}
