package org.dkim4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dkim4j.crypto.SigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  static final String MESSAGE =
      "From: Alice <alice@example.com>\r\nTo: bob@example.org\r\nSubject: hi\r\n\r\nHello.\r\n";
  static final String ED25519_SEED = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";

  @TempDir static Path dir;
  static Path rsaKey;
  static Path edKey;
  static Path zone;
  static Path message;

  /** The result of one run. */
  record Run(int exit, byte[] out, String err) {
    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  @BeforeAll
  static void keysAndZone() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    rsaKey = dir.resolve("rsa.private");
    Files.writeString(
        rsaKey,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    edKey = dir.resolve("ed.private");
    Files.writeString(edKey, ED25519_SEED + "\n");
    SigningKey rsa = SigningKey.fromFile(rsaKey);
    SigningKey ed = SigningKey.fromFile(edKey);
    zone = dir.resolve("zone.txt");
    Files.writeString(
        zone,
        zoneLine("rsa._domainkey.example.com.", "v=DKIM1; k=rsa; p=" + b64(rsa.publicKeyData()))
            + zoneLine(
                "ed._domainkey.example.com.", "v=DKIM1; k=ed25519; p=" + b64(ed.publicKeyData()))
            + zoneLine("_dmarc.example.com.", "v=DMARC1; p=reject; rua=mailto:d@example.com"));
    message = dir.resolve("message.eml");
    Files.writeString(message, MESSAGE);
  }

  static String zoneLine(String name, String value) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < value.length(); i += 200) {
      parts.add("\"" + value.substring(i, Math.min(value.length(), i + 200)) + "\"");
    }
    return name + " 300 IN TXT ( " + String.join(" ", parts) + " )\n";
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static Run run(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            args,
            new Io(
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    return new Run(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  static Run run(String... args) {
    return run(new byte[0], args);
  }

  @Test
  void signWritesTheFieldsThenTheUnchangedInputAndVerifyPasses() throws IOException {
    Run signed =
        run(
            "sign",
            "-d",
            "example.com",
            "-s",
            "rsa",
            "-k",
            rsaKey.toString(),
            "-d",
            "example.com",
            "-s",
            "ed",
            "-k",
            edKey.toString(),
            "-a",
            "ed25519-sha256",
            message.toString());
    assertEquals(0, signed.exit(), signed.err());
    String text = signed.text();
    assertTrue(text.startsWith("DKIM-Signature: v=1; a=rsa-sha256;"), text);
    assertTrue(text.contains("\r\nDKIM-Signature: v=1; a=ed25519-sha256;"), text);
    assertTrue(text.endsWith("\r\n" + MESSAGE), text);

    Path file = dir.resolve("signed.eml");
    Files.write(file, signed.out());
    Run verified =
        run("verify", "--dns-zone", zone.toString(), "--authserv-id", "mx.test", file.toString());
    assertEquals(0, verified.exit(), verified.err());
    String ar = verified.text().replace("\r\n", "");
    assertTrue(ar.startsWith("Authentication-Results: mx.test;"), ar);
    assertTrue(
        ar.contains(
            "dkim=pass (2048-bit key) header.d=example.com header.i=@example.com header.s=rsa header.a=rsa-sha256"),
        ar);
    assertTrue(
        ar.contains(
            "dkim=pass (256-bit key) header.d=example.com header.i=@example.com header.s=ed header.a=ed25519-sha256"),
        ar);
  }

  @Test
  void signReadsStandardInputAndHonoursOptions() throws IOException {
    Run signed =
        run(
            MESSAGE.getBytes(StandardCharsets.UTF_8),
            "sign",
            "-d",
            "example.com",
            "-s",
            "ed",
            "-k",
            edKey.toString(),
            "-c",
            "simple/simple",
            "--headers",
            "from:subject",
            "--oversign",
            "",
            "--expire",
            "3600",
            "-");
    assertEquals(0, signed.exit(), signed.err());
    String text = signed.text().replace("\r\n ", " ");
    assertTrue(text.contains("c=simple/simple;"), text);
    assertTrue(text.contains("h=from:subject;"), text);
    assertTrue(text.contains(" x="), text);
    Run verified = run(signed.out(), "verify", "--dns-zone", zone.toString(), "-");
    assertEquals(0, verified.exit(), verified.err() + verified.text());
  }

  @Test
  void verifyExitsOneWhenAMessageHasNoPassingSignature() throws IOException {
    Run signed =
        run("sign", "-d", "example.com", "-s", "rsa", "-k", rsaKey.toString(), message.toString());
    Path good = dir.resolve("good.eml");
    Files.write(good, signed.out());
    Path tampered = dir.resolve("tampered.eml");
    Files.writeString(tampered, signed.text().replace("Hello.", "Hellp."));
    Run both = run("verify", "--dns-zone", zone.toString(), good.toString(), tampered.toString());
    assertEquals(1, both.exit());
    String out = both.text().replace("\r\n", "");
    assertTrue(out.contains("dkim=pass"), out);
    assertTrue(out.contains("dkim=fail (body hash did not verify)"), out);
    Run unsigned = run("verify", "--dns-zone", zone.toString(), message.toString());
    assertEquals(1, unsigned.exit());
    assertTrue(unsigned.text().contains("dkim=none"), unsigned.text());
  }

  @Test
  void verifyJsonGivesOneObjectPerMessageWithTheDocumentedFields() throws IOException {
    Run signed =
        run("sign", "-d", "example.com", "-s", "ed", "-k", edKey.toString(), message.toString());
    Path file = dir.resolve("json.eml");
    Files.write(file, signed.out());
    Run json =
        run("verify", "--json", "--dns-zone", zone.toString(), file.toString(), message.toString());
    assertEquals(1, json.exit());
    String[] lines = json.text().split("\n");
    assertEquals(2, lines.length);
    Map<String, Object> first = parseObject(lines[0]);
    assertEquals(
        List.of("file", "status", "pass", "signatures", "authenticationResults"),
        new ArrayList<>(first.keySet()));
    assertEquals(file.toString(), first.get("file"));
    assertEquals("pass", first.get("status"));
    assertEquals(true, first.get("pass"));
    Map<String, Object> signature = parseObject(signatureJson(lines[0]));
    assertEquals(
        List.of(
            "result",
            "reason",
            "domain",
            "selector",
            "identity",
            "algorithm",
            "b",
            "keyBits",
            "testing"),
        new ArrayList<>(signature.keySet()));
    assertEquals("ed25519-sha256", signature.get("algorithm"));
    assertEquals(256, signature.get("keyBits"));
    Map<String, Object> second = parseObject(lines[1]);
    assertEquals("none", second.get("status"));
    assertEquals(false, second.get("pass"));
  }

  @Test
  void verifyHonoursNowForExpiry() throws IOException {
    Run signed =
        run(
            "sign",
            "-d",
            "example.com",
            "-s",
            "ed",
            "-k",
            edKey.toString(),
            "--expire",
            "60",
            message.toString());
    Path file = dir.resolve("expiring.eml");
    Files.write(file, signed.out());
    long later = System.currentTimeMillis() / 1000 + 3600;
    Run expired =
        run(
            "verify",
            "--dns-zone",
            zone.toString(),
            "--now",
            Long.toString(later),
            file.toString());
    assertEquals(1, expired.exit());
    assertTrue(expired.text().contains("dkim=permerror (signature expired at"), expired.text());
  }

  @Test
  void errorsAreOneLineOnStandardErrorWithExitTwo() throws IOException {
    Run missingKey =
        run(
            "sign",
            "-d",
            "example.com",
            "-s",
            "x",
            "-k",
            dir.resolve("nope").toString(),
            message.toString());
    assertEquals(2, missingKey.exit());
    assertEquals("dkim4j: no such file: " + dir.resolve("nope") + "\n", missingKey.err());

    Path notAKey = dir.resolve("not-a-key.pem");
    Files.writeString(notAKey, "hello world");
    Run badKey =
        run("sign", "-d", "example.com", "-s", "x", "-k", notAKey.toString(), message.toString());
    assertEquals(2, badKey.exit());
    assertTrue(badKey.err().startsWith("dkim4j: " + notAKey + ": found"), badKey.err());
    assertEquals(1, badKey.err().lines().count(), badKey.err());

    Run wrongAlgorithm =
        run(
            "sign",
            "-d",
            "example.com",
            "-s",
            "x",
            "-k",
            edKey.toString(),
            "-a",
            "rsa-sha256",
            message.toString());
    assertEquals(2, wrongAlgorithm.exit());
    assertTrue(wrongAlgorithm.err().contains("cannot sign rsa-sha256"), wrongAlgorithm.err());

    Run unknown = run("verify", "--bogus");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().startsWith("dkim4j: Unknown option: '--bogus'"), unknown.err());

    Run noCommand = run();
    assertEquals(2, noCommand.exit());

    Run missingFile =
        run("verify", "--dns-zone", zone.toString(), dir.resolve("absent.eml").toString());
    assertEquals(2, missingFile.exit());
    assertFalse(missingFile.err().contains("Exception"), missingFile.err());

    Run debug =
        run(
            "--debug",
            "verify",
            "--dns-zone",
            zone.toString(),
            dir.resolve("absent.eml").toString());
    assertEquals(2, debug.exit());
    assertTrue(debug.err().contains("NoSuchFileException"), debug.err());
  }

  @Test
  void dmarcPassesAlignedSignaturesAndFailsUnsignedMail() throws IOException {
    Run signed =
        run("sign", "-d", "example.com", "-s", "ed", "-k", edKey.toString(), message.toString());
    Path file = dir.resolve("dmarc.eml");
    Files.write(file, signed.out());
    Run pass =
        run("dmarc", "--dns-zone", zone.toString(), "--authserv-id", "mx.test", file.toString());
    assertEquals(0, pass.exit(), pass.err() + pass.text());
    String ar = pass.text().replace("\r\n", "");
    assertTrue(ar.startsWith("Authentication-Results: mx.test; dkim=pass"), ar);
    assertTrue(ar.endsWith("dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com"), ar);

    Run fail = run("dmarc", "--dns-zone", zone.toString(), message.toString());
    assertEquals(1, fail.exit());
    assertTrue(
        fail.text()
            .replace("\r\n", "")
            .contains("dkim=none; dmarc=fail (p=REJECT sp=REJECT dis=REJECT)"),
        fail.text());

    Run spfAligned =
        run(
            "dmarc",
            "--dns-zone",
            zone.toString(),
            "--mail-from",
            "bounce.example.com",
            "--spf",
            "pass",
            message.toString());
    assertEquals(0, spfAligned.exit(), spfAligned.text());

    Run json = run("dmarc", "--json", "--dns-zone", zone.toString(), file.toString());
    assertEquals(0, json.exit());
    Map<String, Object> object = parseObject(json.text().strip());
    assertEquals(
        List.of("file", "dmarc", "signatures", "authenticationResults"),
        new ArrayList<>(object.keySet()));
    assertTrue(
        json.text()
            .contains(
                "\"result\":\"pass\",\"disposition\":\"none\",\"authorDomain\":\"example.com\""),
        json.text());

    Run badSpf =
        run(
            "dmarc",
            "--dns-zone",
            zone.toString(),
            "--mail-from",
            "example.com",
            "--spf",
            "maybe",
            message.toString());
    assertEquals(2, badSpf.exit());
    assertTrue(badSpf.err().startsWith("dkim4j: unknown SPF result 'maybe'"), badSpf.err());
    Run halfSpf = run("dmarc", "--dns-zone", zone.toString(), "--spf", "pass", message.toString());
    assertEquals(2, halfSpf.exit());
  }

  @Test
  void keygenWritesAKeyAndARecordThatVerify() throws IOException {
    Path keys = Files.createDirectories(dir.resolve("keygen"));
    Run rsa =
        run("keygen", "-d", "example.net", "-s", "k1", "-D", keys.toString(), "--hash-sha256");
    assertEquals(0, rsa.exit(), rsa.err());
    assertTrue(Files.exists(keys.resolve("k1.private")));
    String record = Files.readString(keys.resolve("k1.txt"));
    assertTrue(
        record.startsWith("k1._domainkey.example.net.\tIN\tTXT\t( \"v=DKIM1; k=rsa; h=sha256; "),
        record);
    if (Files.getFileStore(keys).supportsFileAttributeView("posix")) {
      assertEquals(
          "rw-------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(keys.resolve("k1.private"))));
    }
    Run ed =
        run(
            "keygen",
            "-d",
            "example.net",
            "-s",
            "k2",
            "-t",
            "ed25519",
            "-D",
            keys.toString(),
            "--testing");
    assertEquals(0, ed.exit(), ed.err());
    assertTrue(Files.readString(keys.resolve("k2.txt")).contains("k=ed25519; t=y;"));

    Run signed =
        run(
            "sign",
            "-d",
            "example.net",
            "-s",
            "k1",
            "-k",
            keys.resolve("k1.private").toString(),
            "-d",
            "example.net",
            "-s",
            "k2",
            "-k",
            keys.resolve("k2.private").toString(),
            message.toString());
    Path file = dir.resolve("keygen-signed.eml");
    Files.write(file, signed.out());
    Run verified =
        run(
            "verify",
            "--dns-zone",
            keys.resolve("k1.txt").toString(),
            "--dns-zone",
            keys.resolve("k2.txt").toString(),
            file.toString());
    assertEquals(0, verified.exit(), verified.text());
    assertEquals(2, verified.text().split("dkim=pass", -1).length - 1, verified.text());

    Run again = run("keygen", "-d", "example.net", "-s", "k1", "-D", keys.toString());
    assertEquals(2, again.exit());
    Run badType =
        run("keygen", "-d", "example.net", "-s", "k3", "-t", "dsa", "-D", keys.toString());
    assertEquals(2, badType.exit());
    assertTrue(badType.err().contains("unknown key type 'dsa'"), badType.err());
  }

  @Test
  void checkDnsReportsFindingsWithFixesAndFailsOnErrors() throws IOException {
    Path keys = Files.createDirectories(dir.resolve("check"));
    run("keygen", "-d", "example.com", "-s", "good", "-D", keys.toString());
    run("keygen", "-d", "example.com", "-s", "other", "-D", keys.toString());
    Path zoneFile = keys.resolve("zone.txt");
    Files.writeString(
        zoneFile,
        Files.readString(keys.resolve("good.txt"))
            + "_dmarc.example.com. IN TXT \"v=DMARC1; p=none\"\n"
            + "_adsp._domainkey.example.com. IN TXT \"dkim=all\"\n"
            + "example.com. IN TXT \"v=spf1 -all\"\nexample.com. IN TXT \"v=spf1 mx -all\"\n");
    Run ok =
        run(
            "check-dns",
            "--dns-zone",
            zoneFile.toString(),
            "-d",
            "example.com",
            "-s",
            "good",
            "-k",
            keys.resolve("good.private").toString());
    String out = ok.text();
    assertEquals(1, ok.exit(), out); // two SPF records are an error
    assertTrue(out.contains("ERROR SPF example.com: 2 SPF records"), out);
    assertTrue(out.contains("WARNING DMARC _dmarc.example.com: no rua="), out);
    assertTrue(out.contains("ADVICE DMARC _dmarc.example.com: p=none only monitors"), out);
    assertTrue(out.contains("ADVICE ADSP _adsp._domainkey.example.com"), out);
    assertTrue(out.contains("    fix: "), out);
    assertTrue(out.contains("OK DKIM good._domainkey.example.com"), out);

    Run mismatch =
        run(
            "check-dns",
            "--dns-zone",
            zoneFile.toString(),
            "-d",
            "example.com",
            "-s",
            "good",
            "-k",
            keys.resolve("other.private").toString());
    assertTrue(mismatch.text().contains("ERROR DKIM good._domainkey.example.com"), mismatch.text());
    Run missing =
        run("check-dns", "--dns-zone", zoneFile.toString(), "-d", "example.com", "-s", "absent");
    assertEquals(1, missing.exit());
    assertTrue(missing.text().contains("ERROR DKIM absent._domainkey.example.com"), missing.text());
    Run keyWithoutSelector =
        run(
            "check-dns",
            "--dns-zone",
            zoneFile.toString(),
            "-d",
            "example.com",
            "-k",
            keys.resolve("good.private").toString());
    assertEquals(2, keyWithoutSelector.exit());
  }

  @Test
  void checkDnsExitsZeroForAWellConfiguredDomain() throws IOException {
    Path keys = Files.createDirectories(dir.resolve("clean"));
    run("keygen", "-d", "example.org", "-s", "k", "-D", keys.toString());
    Path zoneFile = keys.resolve("zone.txt");
    Files.writeString(
        zoneFile,
        Files.readString(keys.resolve("k.txt"))
            + "_dmarc.example.org. IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.org\"\n"
            + "example.org. IN TXT \"v=spf1 mx -all\"\n");
    Run clean =
        run(
            "check-dns",
            "--dns-zone",
            zoneFile.toString(),
            "-d",
            "example.org",
            "-s",
            "k",
            "-k",
            keys.resolve("k.private").toString());
    assertEquals(0, clean.exit(), clean.text());
    assertTrue(clean.text().contains("OK DKIM k._domainkey.example.org"), clean.text());
    assertFalse(clean.text().contains("ERROR"), clean.text());
  }

  @Test
  void dnsServerMustBeAnAddress() {
    Run bad = run("verify", "--dns-server", "127.0.0.1:99999", message.toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("invalid port"), bad.err());
  }

  @Test
  void demoRunsTheMainJob() {
    Run demo = run("demo");
    assertEquals(0, demo.exit(), demo.err());
    assertTrue(demo.text().contains("dkim=pass"), demo.text());
    assertTrue(demo.text().contains("dkim=fail"), demo.text());
  }

  /** Extracts the first object of the "signatures" array. */
  static String signatureJson(String line) {
    int start = line.indexOf("\"signatures\":[") + "\"signatures\":[".length();
    return line.substring(start, line.indexOf('}', start) + 1);
  }

  static Map<String, Object> parseObject(String json) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken token = p.nextToken();
        switch (token) {
          case VALUE_STRING -> map.put(name, p.getText());
          case VALUE_NUMBER_INT -> map.put(name, p.getIntValue());
          case VALUE_TRUE, VALUE_FALSE -> map.put(name, p.getBooleanValue());
          default -> {
            map.put(name, token.name());
            p.skipChildren();
          }
        }
      }
    }
    return map;
  }
}
