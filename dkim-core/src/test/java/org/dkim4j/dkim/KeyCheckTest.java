package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dkim4j.crypto.DkimKeyPair;
import org.dkim4j.crypto.KeyType;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link KeyCheck}, the opendkim-testkey of dkim4j, against records in memory. */
class KeyCheckTest {

  static final String NAME = "sel._domainkey.example.com";
  static DkimKeyPair rsa2048;
  static DkimKeyPair rsa1024;
  static DkimKeyPair ed25519;

  @BeforeAll
  static void keys() {
    rsa2048 = DkimKeyPair.generate(KeyType.RSA);
    rsa1024 = DkimKeyPair.generate(KeyType.RSA, 1024, new java.security.SecureRandom());
    ed25519 = DkimKeyPair.generate(KeyType.ED25519);
  }

  static KeyCheck publishing(String... records) {
    InMemoryTxtResolver.Builder dns = InMemoryTxtResolver.builder();
    for (String record : records) {
      dns.txt(NAME, record);
    }
    return KeyCheck.using(dns.build());
  }

  static List<KeyFinding.Kind> kinds(KeyCheckReport report) {
    return report.findings().stream().map(KeyFinding::kind).toList();
  }

  @Test
  void aMatchingKeyHasNoFindings() {
    KeyCheckReport report =
        publishing(KeyRecordBuilder.forKey(ed25519.signingKey()).text())
            .check("example.com", "sel", ed25519.signingKey());
    assertTrue(report.usable());
    assertEquals(List.of(), report.findings());
    assertEquals(NAME + ": key OK (VerificationKey[Ed25519])", report.toString());
    assertTrue(report.record().isPresent());
    assertEquals(KeyType.ED25519, report.key().orElseThrow().type());
  }

  @Test
  void aMissingRecordIsAnError() {
    KeyCheckReport report =
        KeyCheck.using(InMemoryTxtResolver.builder().build()).check("example.com", "sel");
    assertFalse(report.usable());
    assertEquals(List.of(KeyFinding.Kind.MISSING), kinds(report));
    assertEquals(
        "no key record at sel._domainkey.example.com (NXDOMAIN)",
        report.findings().get(0).message());
  }

  @Test
  void aTemporaryFailureIsReportedAsSuch() {
    KeyCheckReport report =
        KeyCheck.using(InMemoryTxtResolver.builder().temporaryFailure(NAME).build())
            .check("example.com.", "sel");
    assertEquals(List.of(KeyFinding.Kind.TEMPORARY_FAILURE), kinds(report));
    assertFalse(report.usable());
  }

  @Test
  void syntaxErrorsAreNamed() {
    KeyCheckReport report = publishing("v=DKIM1; k=rsa; p=not base64!").check("example.com", "sel");
    assertEquals(List.of(KeyFinding.Kind.SYNTAX), kinds(report));
    assertTrue(report.findings().get(0).message().contains("p="), report.toString());
    assertEquals(
        List.of(KeyFinding.Kind.SYNTAX),
        kinds(publishing("v=DKIM1; k=ed25519; p=AAAA").check("example.com", "sel")));
    assertEquals(
        List.of(KeyFinding.Kind.SYNTAX),
        kinds(publishing("v=DKIM2; p=AAAA").check("example.com", "sel")));
  }

  @Test
  void aKeyThatIsNotThePrivateKeysIsAMismatch() {
    KeyCheckReport report =
        publishing(KeyRecordBuilder.forKey(rsa2048.signingKey()).text())
            .check("example.com", "sel", DkimKeyPair.generate(KeyType.RSA).signingKey());
    assertEquals(List.of(KeyFinding.Kind.KEY_MISMATCH), kinds(report));
    assertFalse(report.usable());
    KeyCheckReport otherType =
        publishing(KeyRecordBuilder.forKey(rsa2048.signingKey()).text())
            .check("example.com", "sel", ed25519.signingKey());
    assertEquals(List.of(KeyFinding.Kind.KEY_MISMATCH), kinds(otherType));
  }

  @Test
  void aPkcs1PublishedKeyMatchesItsPrivateKey() {
    byte[] spki = rsa2048.publicKeyData();
    byte[] pkcs1 =
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(spki)
            .getPublicKeyData()
            .getOctets();
    KeyCheckReport report =
        publishing("v=DKIM1; k=rsa; p=" + java.util.Base64.getEncoder().encodeToString(pkcs1))
            .check("example.com", "sel", rsa2048.signingKey());
    assertEquals(List.of(), report.findings());
  }

  @Test
  void testingModeIsAWarning() {
    KeyCheckReport report =
        publishing(KeyRecordBuilder.forKey(ed25519.signingKey()).testing(true).text())
            .check("example.com", "sel", ed25519.signingKey());
    assertEquals(List.of(KeyFinding.Kind.TESTING), kinds(report));
    assertEquals(KeyFinding.Severity.WARNING, report.findings().get(0).severity());
    assertTrue(report.usable());
  }

  @Test
  void keysUnder2048BitsGetAdvice() {
    KeyCheckReport report =
        publishing(KeyRecordBuilder.forKey(rsa1024.signingKey()).text())
            .check("example.com", "sel", rsa1024.signingKey());
    assertEquals(List.of(KeyFinding.Kind.KEY_SIZE), kinds(report));
    assertEquals(KeyFinding.Severity.ADVICE, report.findings().get(0).severity());
    assertTrue(report.findings().get(0).message().contains("1024 bits"));
    assertTrue(report.usable());
  }

  @Test
  void aRevokedKeyIsAnError() {
    KeyCheckReport report =
        publishing(KeyRecordBuilder.revocation(KeyType.RSA).text())
            .check("example.com", "sel", rsa2048.signingKey());
    assertEquals(List.of(KeyFinding.Kind.REVOKED), kinds(report));
    assertFalse(report.usable());
  }

  @Test
  void restrictionsThatExcludeDkimSigningAreErrors() {
    KeyCheckReport report =
        publishing(
                KeyRecordBuilder.forKey(rsa2048.signingKey())
                    .hashAlgorithms("sha1")
                    .serviceTypes("other")
                    .text())
            .check("example.com", "sel", rsa2048.signingKey());
    assertEquals(List.of(KeyFinding.Kind.NOT_USABLE, KeyFinding.Kind.NOT_USABLE), kinds(report));
    assertEquals(
        List.of(KeyFinding.Kind.NOT_USABLE),
        kinds(publishing("v=DKIM1; k=dsa; p=AAAA").check("example.com", "sel")));
  }

  @Test
  void severalRecordsAreAWarningAndTheFirstValidOneIsChecked() {
    KeyCheckReport report =
        publishing("not a key record", KeyRecordBuilder.forKey(ed25519.signingKey()).text())
            .check("example.com", "sel", ed25519.signingKey());
    assertEquals(List.of(KeyFinding.Kind.MULTIPLE_RECORDS), kinds(report));
    assertTrue(report.usable());
  }

  @Test
  void findingsAreSortedWorstFirst() {
    KeyCheckReport report =
        publishing(KeyRecordBuilder.forKey(rsa1024.signingKey()).testing(true).text())
            .check("example.com", "sel", rsa2048.signingKey());
    assertEquals(
        List.of(KeyFinding.Kind.KEY_MISMATCH, KeyFinding.Kind.TESTING, KeyFinding.Kind.KEY_SIZE),
        kinds(report));
    assertTrue(report.toString().startsWith(NAME + ": key not usable\n  ERROR KEY_MISMATCH: "));
  }

  @Test
  void invalidNamesAreRefused() {
    KeyCheck check = KeyCheck.using(InMemoryTxtResolver.builder().build());
    assertThrows(IllegalArgumentException.class, () -> check.check("exa mple.com", "sel"));
    assertThrows(IllegalArgumentException.class, () -> check.check("example.com", ""));
  }
}
