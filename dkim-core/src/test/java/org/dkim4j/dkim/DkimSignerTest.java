package org.dkim4j.dkim;

import static org.dkim4j.dkim.Fixture.bytes;
import static org.dkim4j.dkim.Fixture.only;
import static org.dkim4j.dkim.Fixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageReader;
import org.dkim4j.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DkimSignerTest {

  @ParameterizedTest(name = "{0} {1}/{2}")
  @CsvSource({
    "rsa, SIMPLE, SIMPLE",
    "rsa, SIMPLE, RELAXED",
    "rsa, RELAXED, SIMPLE",
    "rsa, RELAXED, RELAXED",
    "ed, SIMPLE, SIMPLE",
    "ed, SIMPLE, RELAXED",
    "ed, RELAXED, SIMPLE",
    "ed, RELAXED, RELAXED",
  })
  void signaturesVerifyForEveryAlgorithmAndCanonicalization(
      String selector, Canonicalization header, Canonicalization body) {
    SigningKey key = selector.equals("rsa") ? TestKeys.RSA_2048 : TestKeys.ED25519;
    DkimSigner signer = Fixture.signer(key, selector).canonicalization(header, body).build();
    byte[] signed = signer.sign(Fixture.message());
    DkimResult result = only(Fixture.verifier().verify(signed));
    assertEquals(DkimStatus.PASS, result.status(), result.toString());
    DkimSignature signature = result.signature().orElseThrow();
    assertEquals(header, signature.headerCanonicalization());
    assertEquals(body, signature.bodyCanonicalization());
  }

  @Test
  void outputIsTheSignatureFollowedByTheUnchangedInput() {
    byte[] message = Fixture.message();
    String signed = text(Fixture.rsaSigner().sign(message));
    assertTrue(signed.startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;"));
    assertTrue(signed.endsWith("\r\n" + Fixture.MESSAGE));
  }

  @Test
  void defaultsSignThePresentRecommendedFieldsAndOversignFrom() throws IOException {
    DkimSignature signature = signatureOf(Fixture.rsaSigner().sign(Fixture.message()));
    assertEquals(
        List.of(
            "from", "subject", "date", "to", "message-id", "mime-version", "content-type", "from"),
        signature.signedHeaders());
    assertEquals("1", signature.tags().getOrNull("v"));
    assertEquals(Fixture.NOW.instant().getEpochSecond(), signature.timestamp().getAsLong());
    assertFalse(signature.expiration().isPresent());
    assertFalse(signature.bodyLength().isPresent());
    assertEquals("@example.com", signature.identity());
  }

  @Test
  void addingAFieldThatIsOversignedBreaksTheSignature() {
    byte[] signed = Fixture.rsaSigner().sign(Fixture.message());
    byte[] withSecondFrom = bytes("From: Mallory <m@evil.example>\r\n" + text(signed));
    DkimResult result = only(Fixture.verifier().verify(withSecondFrom));
    assertEquals(DkimStatus.FAIL, result.status());
  }

  @Test
  void everyLineOfTheFieldFitsIn78ColumnsWhateverTheKey() throws IOException {
    for (SigningKey key : List.of(TestKeys.rsa(4096), TestKeys.ED25519, TestKeys.RSA_2048)) {
      byte[] signed =
          Fixture.signer(key, "a-rather-long-selector-name-2026")
              .identity("some.user+tag@mail.example.com")
              .expiration(Duration.ofDays(7))
              .bodyLength(true)
              .copyHeaders(true)
              .build()
              .sign(Fixture.message());
      HeaderField field = new MessageReader(new ByteArrayInputStream(signed)).readHeader().get(0);
      for (String line : field.text().split("\r\n")) {
        assertTrue(line.length() <= 78, line.length() + ": " + line);
      }
    }
  }

  @Test
  void longHeaderListsFoldOnlyAfterAColonAndFillEachLine() throws IOException {
    List<String> names = new java.util.ArrayList<>(List.of("from", "to", "subject"));
    for (int i = 0; i < 40; i++) {
      names.add("x-list-field-" + "abcdefghij".substring(0, i % 10) + i);
    }
    byte[] signed =
        Fixture.signer(TestKeys.ED25519, "ed").signedHeaders(names).build().sign(Fixture.message());
    HeaderField field = new MessageReader(new ByteArrayInputStream(signed)).readHeader().get(0);
    List<String> lines = List.of(field.text().split("\r\n"));
    int first = -1;
    int last = -1;
    for (int i = 0; i < lines.size(); i++) {
      assertTrue(lines.get(i).length() <= 78, lines.get(i).length() + ": " + lines.get(i));
      if (lines.get(i).contains(" h=")) {
        first = i;
      }
      int from = i == first ? lines.get(i).indexOf(" h=") : 0;
      if (first >= 0 && last < 0 && lines.get(i).indexOf(';', from) >= 0) {
        last = i;
      }
    }
    assertTrue(first >= 0 && last > first, "h= spans several lines: " + lines);
    for (int i = first; i < last; i++) {
      String line = lines.get(i);
      String next = lines.get(i + 1);
      assertTrue(line.endsWith(":"), "folded after a colon: " + line);
      assertTrue(next.startsWith(" ") && !next.startsWith("  "), "one space folds: " + next);
      String nextName = next.substring(1).split("[:;]")[0];
      assertTrue(
          line.length() + nextName.length() + 1 > 78,
          "the next name did not fit on the line: " + line + " / " + nextName);
    }
    assertEquals(
        names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList().subList(0, 43),
        signatureOf(signed).signedHeaders().subList(0, 43));
    assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(signed)).status());
  }

  @Test
  void optionalTagsAreWrittenAndVerify() throws IOException {
    SigningKey key = TestKeys.RSA_2048;
    byte[] signed =
        Fixture.signer(key, "rsa")
            .identity("alice@mail.example.com")
            .expiration(Duration.ofHours(1))
            .bodyLength(true)
            .copyHeaders(true)
            .build()
            .sign(Fixture.message());
    DkimSignature signature = signatureOf(signed);
    assertEquals("alice@mail.example.com", signature.identity());
    assertEquals(Fixture.NOW.instant().getEpochSecond() + 3600, signature.expiration().getAsLong());
    assertEquals(24 + 2 + 7, signature.bodyLength().getAsLong()); // three body lines
    String z = signature.copiedHeaders().orElseThrow().replaceAll("\\s+", "");
    assertTrue(z.startsWith("From:=20Alice=20<alice@example.com>|To:"), z);
    assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(signed)).status());
  }

  @Test
  void noTimestampWhenDisabled() throws IOException {
    byte[] signed =
        Fixture.signer(TestKeys.ED25519, "ed").timestamp(false).build().sign(Fixture.message());
    assertFalse(signatureOf(signed).timestamp().isPresent());
    assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(signed)).status());
  }

  @Test
  void combinedSignersAddEverySignatureAndAllVerify() {
    DkimSigner both = Fixture.rsaSigner().and(Fixture.ed25519Signer());
    byte[] signed = both.sign(Fixture.message());
    DkimResults results = Fixture.verifier().verify(signed);
    assertEquals(2, results.results().size());
    assertEquals("rsa-sha256", results.results().get(0).algorithm());
    assertEquals("ed25519-sha256", results.results().get(1).algorithm());
    assertTrue(results.stream().allMatch(DkimResult::passed), results.toString());
  }

  @Test
  void signsBareLfInputAsIfItWereCrlf() {
    byte[] lf = bytes(Fixture.MESSAGE.replace("\r\n", "\n"));
    byte[] signedLf = Fixture.rsaSigner().sign(lf);
    for (Canonicalization c : Canonicalization.values()) {
      byte[] signed =
          Fixture.signer(TestKeys.ED25519, "ed").canonicalization(c, c).build().sign(lf);
      assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(signed)).status(), c.name());
      byte[] crlf = bytes(text(signed).replace("\r\n", "\n").replace("\n", "\r\n"));
      assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(crlf)).status(), c.name());
    }
    assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(signedLf)).status());
  }

  @Test
  void fieldsFollowTheLineEndingsOfAMessageStoredWithBareLf() {
    byte[] lf = bytes(Fixture.MESSAGE.replace("\r\n", "\n"));
    for (Canonicalization c : Canonicalization.values()) {
      byte[] signed =
          Fixture.signer(TestKeys.RSA_2048, "rsa").canonicalization(c, c).build().sign(lf);
      String text = text(signed);
      assertFalse(text.contains("\r"), "no CR in the output of an LF message");
      assertTrue(text.endsWith(Fixture.MESSAGE.replace("\r\n", "\n")));
      assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(signed)).status(), c.name());
    }
    assertTrue(text(Fixture.rsaSigner().sign(Fixture.message())).startsWith("DKIM-Signature:"));
    assertTrue(text(Fixture.rsaSigner().sign(Fixture.message())).contains(";\r\n "));
  }

  @Test
  void simpleHeaderCanonicalizationWithEd25519HashesExactlyTheEmittedBytes() {
    // OpenDKIM 2.11 gets this combination wrong; the b= value must be the only difference.
    byte[] signed =
        Fixture.signer(TestKeys.ED25519, "ed")
            .canonicalization(Canonicalization.SIMPLE, Canonicalization.SIMPLE)
            .build()
            .sign(Fixture.message());
    assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(signed)).status());
  }

  @Test
  void messageWithoutBodyOrWithoutSeparatorSigns() {
    for (String message : List.of("From: a@example.com\r\n", "From: a@example.com\r\n\r\n")) {
      byte[] signed = Fixture.rsaSigner().sign(bytes(message));
      assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(signed)).status(), message);
    }
  }

  @Test
  void builderReportsWhatIsMissingAndRejectsBadSettings() {
    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class, () -> DkimSigner.builder().domain("x.com").build());
    assertTrue(missing.getMessage().contains("selector"), missing.getMessage());
    assertTrue(missing.getMessage().contains("key"), missing.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Fixture.signer(TestKeys.ED25519, "ed").identity("a@other.example").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Fixture.signer(TestKeys.ED25519, "bad selector").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Fixture.signer(TestKeys.ED25519, "ed").signedHeaders(List.of("to", "subject")));
  }

  @Test
  void signerToStringNamesTheSignaturesButNoKeyMaterial() {
    String s = Fixture.rsaSigner().and(Fixture.ed25519Signer()).toString();
    assertEquals(
        "DkimSigner[d=example.com s=rsa rsa-sha256, d=example.com s=ed ed25519-sha256]", s);
  }

  private static final String REPEATED_FIELDS =
      "Received: from a.example by b.example; Mon, 24 Nov 2025 09:15:02 +0000\r\n"
          + "To: first@example.org\r\n"
          + "From: Alice <alice@example.com>\r\n"
          + "Subject: first\r\n"
          + "X-Custom: one\r\n"
          + "cc: carol@example.net\r\n"
          + "TO: second@example.org\r\n"
          + "Received: from c.example by a.example; Mon, 24 Nov 2025 09:15:01 +0000\r\n"
          + "Date: Mon, 24 Nov 2025 10:15:00 +0100\r\n"
          + "X-Custom: two\r\n"
          + "Reply-To: alice@example.com\r\n"
          + "SUBJECT: second\r\n"
          + "\r\n"
          + "Body\r\n";

  @ParameterizedTest(name = "oversigned: \"{0}\"")
  @CsvSource({"From", "From:Subject:To", "TO:cc:to", "X-Custom", "From:X-Custom", "''"})
  void defaultFieldsSignWhatTheSameNamesListedInOrderSign(String oversigned) throws IOException {
    List<String> names = oversigned.isEmpty() ? List.of() : List.of(oversigned.split(":"));
    String withoutFrom = REPEATED_FIELDS.replace("From: Alice <alice@example.com>\r\n", "");
    for (String message : List.of(REPEATED_FIELDS, withoutFrom)) {
      DkimSigner byDefault =
          Fixture.signer(TestKeys.ED25519, "ed").oversignedHeaders(names).build();
      byte[] signed = byDefault.sign(bytes(message));
      List<String> signedHeaders = signatureOf(signed).signedHeaders();
      DkimSigner listed =
          Fixture.signer(TestKeys.ED25519, "ed")
              .signedHeaders(signedHeaders)
              .oversignedHeaders(names)
              .build();
      assertEquals(text(listed.sign(bytes(message))), text(signed), message);
      assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(signed)).status());
    }
  }

  static DkimSignature signatureOf(byte[] signed) throws IOException {
    HeaderField field = new MessageReader(new ByteArrayInputStream(signed)).readHeader().get(0);
    return DkimSignature.parse(field.value());
  }
}
