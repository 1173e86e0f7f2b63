package org.dkim4j.dkim;

import static org.dkim4j.dkim.Fixture.bytes;
import static org.dkim4j.dkim.Fixture.only;
import static org.dkim4j.dkim.Fixture.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.dns.TxtLookup;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageLimits;
import org.dkim4j.message.MessageReader;
import org.dkim4j.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DkimVerifierTest {

  static final String RSA_TAGS =
      "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=rsa; h=from:to:subject";

  @Test
  void unsignedMessageHasNoResultsAndStatusNone() {
    DkimResults results = Fixture.verifier().verify(Fixture.message());
    assertTrue(results.results().isEmpty());
    assertEquals(DkimStatus.NONE, results.status());
    assertFalse(results.anyPassed());
  }

  @Test
  void passReportsWhatTheSignatureClaims() {
    DkimResult result =
        only(Fixture.verifier().verify(Fixture.rsaSigner().sign(Fixture.message())));
    assertEquals(DkimStatus.PASS, result.status());
    assertEquals("", result.reason());
    assertEquals("example.com", result.domain());
    assertEquals("rsa", result.selector());
    assertEquals("@example.com", result.identity());
    assertEquals("rsa-sha256", result.algorithm());
    assertEquals(8, result.signaturePrefix().length());
    assertEquals(2048, result.keyBits());
    assertFalse(result.testing());
  }

  /** Verifying reads the message array in place and must leave it, and its fields, as they were. */
  @Test
  void verifyingTwiceGivesThePassTwiceAndLeavesTheMessageUnchanged() throws IOException {
    byte[] signed = Fixture.rsaSigner().sign(Fixture.message());
    byte[] copy = signed.clone();
    DkimVerifier verifier = Fixture.verifier();
    assertEquals(DkimStatus.PASS, only(verifier.verify(signed)).status());
    assertEquals(DkimStatus.PASS, only(verifier.verify(signed)).status());
    assertArrayEquals(copy, signed);
    List<HeaderField> fields = new MessageReader(signed, MessageLimits.DEFAULT).readHeader();
    byte[] signatureField = fields.get(0).raw();
    assertEquals(DkimStatus.PASS, only(verifier.verify(signed)).status());
    assertArrayEquals(signatureField, fields.get(0).raw());
  }

  @Test
  void oneChangedBodyByteFails() {
    String signed = text(Fixture.rsaSigner().sign(Fixture.message()));
    DkimResult result = only(Fixture.verifier().verify(bytes(signed.replace("noon", "nine"))));
    assertEquals(DkimStatus.FAIL, result.status());
    assertEquals("body hash did not verify", result.reason());
  }

  @Test
  void oneChangedSignedHeaderFails() {
    String signed = text(Fixture.ed25519Signer().sign(Fixture.message()));
    DkimResult result = only(Fixture.verifier().verify(bytes(signed.replace("Lunch", "Lunck"))));
    assertEquals(DkimStatus.FAIL, result.status());
    assertEquals("signature did not verify", result.reason());
  }

  @Test
  void aPrependedSecondFromFailsEvenWhenFromWasNotOversigned() {
    byte[] signed =
        Fixture.signer(TestKeys.RSA_2048, "rsa")
            .oversignedHeaders(List.of())
            .build()
            .sign(Fixture.message());
    DkimResult result =
        only(Fixture.verifier().verify(bytes("From: ceo@example.com\r\n" + text(signed))));
    assertEquals(DkimStatus.FAIL, result.status());
    assertEquals("the message has 2 From fields but the signature covers 1", result.reason());
  }

  @Test
  void unsignedFieldsMayBeAddedAndWhitespaceChangedUnderRelaxed() {
    String signed = text(Fixture.rsaSigner().sign(Fixture.message()));
    String changed =
        "Received: from mx by mx2\r\n"
            + signed.replace("Subject: Lunch", "subject:   Lunch ").replace("at noon", "at  noon");
    assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(bytes(changed))).status());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "v=1; a=rsa-sha256; d=example.com; s=rsa; h=from; bh=AAAA|missing required tag b=",
        "v=1; a=rsa-sha256; d=example.com; s=rsa; h=from; b=AAAA|missing required tag bh=",
        "a=rsa-sha256; d=example.com; s=rsa; h=from; bh=AAAA; b=AAAA|missing required tag v=",
        "v=1; d=example.com; s=rsa; h=from; bh=AAAA; b=AAAA|missing required tag a=",
        "v=1; a=rsa-sha256; s=rsa; h=from; bh=AAAA; b=AAAA|missing required tag d=",
        "v=1; a=rsa-sha256; d=example.com; h=from; bh=AAAA; b=AAAA|missing required tag s=",
        "v=1; a=rsa-sha256; d=example.com; s=rsa; bh=AAAA; b=AAAA|missing required tag h=",
        "v=2; a=rsa-sha256; d=example.com; s=rsa; h=from; bh=AAAA; b=AAAA|unsupported version v=2",
        "v=1; a=rsa-md5; d=example.com; s=rsa; h=from; bh=AAAA; b=AAAA|unknown algorithm a=rsa-md5",
        "v=1; a=rsa-sha256; d=example.com; s=rsa; h=to:subject; bh=AAAA; b=AAAA|h= does not include From",
        "v=1; a=rsa-sha256; d=example.com; s=rsa; h=from; bh=AAAA; b=A!A*|invalid base64 in b=",
        "v=1; a=rsa-sha256; d=example.com; s=rsa; h=from; bh=AAAA; b=|empty signature b=",
        "v=1; a=rsa-sha256; d=example.com; s=rsa; h=from; bh=AAAA; b=AAAA; i=a@evil.example|i= domain evil.example is not within d=example.com",
        "v=1; a=rsa-sha256; d=example.com; s=rsa; h=from; bh=AAAA; b=AAAA; i=example.com|i=example.com has no @",
        "v=1; a=rsa-sha256; d=example.com; s=rsa; h=from; bh=AAAA; b=AAAA; l=-5|invalid l=-5",
        "v=1; a=rsa-sha256; d=example.com; s=rsa; h=from; bh=AAAA; b=AAAA; t=20; x=10|x= (10) is before t= (20)",
        "v=1; a=rsa-sha256; d=example.com; s=rsa; h=from; bh=AAAA; b=AAAA; q=http|q= does not include dns/txt",
        "v=1; a=rsa-sha256; d=legitimate.com(.attacker.com; s=rsa; h=from; bh=AAAA; b=AAAA|invalid domain d=legitimate.com(.attacker.com",
        "v=1; a=rsa-sha256; d=example.com; s=r s; h=from; bh=AAAA; b=AAAA|invalid selector s=r s",
        "v=1; a=rsa-sha256; c=fancy; d=example.com; s=rsa; h=from; bh=AAAA; b=AAAA|invalid canonicalization c=fancy",
        "v=1; v=1; a=rsa-sha256; d=example.com; s=rsa; h=from; bh=AAAA; b=AAAA|invalid tag list: duplicate tag v=",
      })
  void malformedSignaturesArePermerrorsThatNameTheProblem(String tags, String reason) {
    AtomicInteger lookups = new AtomicInteger();
    DkimVerifier verifier =
        DkimVerifier.builder()
            .resolver(
                name -> {
                  lookups.incrementAndGet();
                  return TxtLookup.notFound("NXDOMAIN");
                })
            .build();
    byte[] message = bytes("DKIM-Signature: " + tags + "\r\n" + Fixture.MESSAGE);
    DkimResult result = only(verifier.verify(message));
    assertEquals(DkimStatus.PERMERROR, result.status());
    assertEquals(reason, result.reason());
    assertEquals(0, lookups.get(), "no DNS query for a malformed signature");
  }

  @Test
  void identityIsDecodedFromQuotedPrintable() {
    String tags = DkimVerifierTest.RSA_TAGS + "; i=jo=2Eb=40sub.example.com";
    byte[] signed = HandSigner.sign(Fixture.message(), tags, TestKeys.RSA_2048);
    DkimResult result = only(Fixture.verifier().verify(signed));
    assertEquals(DkimStatus.PASS, result.status(), result.reason());
    assertEquals("jo.b@sub.example.com", result.identity());
    byte[] broken = bytes(text(signed).replace("i=jo=2Eb", "i=jo=2Xb"));
    DkimResult bad = only(Fixture.verifier().verify(broken));
    assertEquals(DkimStatus.PERMERROR, bad.status());
    assertEquals("invalid quoted-printable escape in i=", bad.reason());
  }

  @Test
  void aMalformedSignatureStillReportsTheDomainItClaims() {
    byte[] message =
        bytes(
            "DKIM-Signature: v=2; d=example.net; s=x; a=rsa-sha256; b=abcdefghij\r\n"
                + Fixture.MESSAGE);
    DkimResult result = only(Fixture.verifier().verify(message));
    assertEquals("example.net", result.domain());
    assertEquals("x", result.selector());
    assertEquals("abcdefgh", result.signaturePrefix());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "v=DKIM1; p=|key revoked (empty p=)",
        "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=|key type k=ed25519 does not match a=rsa-sha256",
        "v=DKIM1; k=dsa; p=AAAA|unknown key type k=dsa",
        "v=DKIM2; p=AAAA|unsupported key record version v=DKIM2",
        "k=rsa; v=DKIM1; p=AAAA|v= is not the first tag of the key record",
        "v=DKIM1; k=rsa|key record has no p=",
        "v=DKIM1; p=!!!|invalid base64 in key record p=",
        "v=DKIM1; p=AAAA|key record p= is invalid: found 3 bytes that are neither SubjectPublicKeyInfo nor PKCS#1, expected an RSA public key",
        "v=DKIM1; h=sha1; p=KEY|key h=sha1 does not allow sha256",
        "v=DKIM1; s=tlsrpt; p=KEY|key s=tlsrpt does not include email",
        "not a key record|invalid key record: tag-spec \"not a key record\" has no '='",
      })
  void keyRecordProblemsArePermerrors(String record, String reason) {
    byte[] signed = Fixture.rsaSigner().sign(Fixture.message());
    String key = TestKeys.publicKeyBase64(TestKeys.RSA_2048);
    DkimVerifier verifier =
        Fixture.verifier(
            InMemoryTxtResolver.builder()
                .txt("rsa._domainkey.example.com", record.replace("KEY", key))
                .build());
    DkimResult result = only(verifier.verify(signed));
    assertEquals(DkimStatus.PERMERROR, result.status());
    assertEquals(reason, result.reason());
  }

  @Test
  void keyRecordWithExtraTagsAndFlagsStillPasses() {
    byte[] signed = Fixture.rsaSigner().sign(Fixture.message());
    String record =
        "v=DKIM1; h=sha1:sha256; k=rsa; s=email:tlsrpt; n=notes; t=x:y; future=1; p="
            + TestKeys.publicKeyBase64(TestKeys.RSA_2048);
    DkimResult result =
        only(
            Fixture.verifier(
                    InMemoryTxtResolver.builder().txt("rsa._domainkey.example.com", record).build())
                .verify(signed));
    assertEquals(DkimStatus.PASS, result.status());
    assertTrue(result.testing());
    assertEquals("key is in testing mode (t=y)", result.reason());
  }

  @Test
  void missingKeyIsPermerrorAndFailedLookupIsTemperror() {
    byte[] signed = Fixture.rsaSigner().sign(Fixture.message());
    DkimResult missing =
        only(Fixture.verifier(InMemoryTxtResolver.builder().build()).verify(signed));
    assertEquals(DkimStatus.PERMERROR, missing.status());
    assertEquals("no key record at rsa._domainkey.example.com (NXDOMAIN)", missing.reason());

    DkimResult failed =
        only(
            Fixture.verifier(
                    InMemoryTxtResolver.builder()
                        .temporaryFailure("rsa._domainkey.example.com")
                        .build())
                .verify(signed));
    assertEquals(DkimStatus.TEMPERROR, failed.status());
    assertTrue(failed.reason().startsWith("key lookup for rsa._domainkey.example.com failed"));

    DkimResult thrown =
        only(
            Fixture.verifier(
                    name -> {
                      throw new IllegalStateException("socket closed");
                    })
                .verify(signed));
    assertEquals(DkimStatus.TEMPERROR, thrown.status());
    assertTrue(thrown.reason().contains("socket closed"), thrown.reason());
  }

  @Test
  void firstValidKeyRecordIsUsedWhenSeveralAreReturned() {
    byte[] signed = Fixture.rsaSigner().sign(Fixture.message());
    InMemoryTxtResolver resolver =
        InMemoryTxtResolver.builder()
            .txt("rsa._domainkey.example.com", "v=spf1 -all")
            .txt("rsa._domainkey.example.com", TestKeys.record(TestKeys.RSA_2048, ""))
            .build();
    assertEquals(DkimStatus.PASS, only(Fixture.verifier(resolver).verify(signed)).status());
  }

  @Test
  void strictIdentityFlagRequiresIdentityDomainToEqualD() {
    byte[] sub =
        Fixture.signer(TestKeys.ED25519, "ed")
            .identity("a@sub.example.com")
            .build()
            .sign(Fixture.message());
    byte[] exact =
        Fixture.signer(TestKeys.ED25519, "ed")
            .identity("a@example.com")
            .build()
            .sign(Fixture.message());
    DkimVerifier verifier =
        Fixture.verifier(
            InMemoryTxtResolver.builder()
                .txt("ed._domainkey.example.com", TestKeys.record(TestKeys.ED25519, "t=s; "))
                .build());
    DkimResult strict = only(verifier.verify(sub));
    assertEquals(DkimStatus.PERMERROR, strict.status());
    assertEquals("key t=s requires the i= domain to equal d=", strict.reason());
    assertEquals(DkimStatus.PASS, only(verifier.verify(exact)).status());
    assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(sub)).status());
  }

  @Test
  void rsaSha1IsPermerrorUnlessExplicitlyAllowed() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    SigningKey key = SigningKey.of(pair.getPrivate());
    byte[] signed =
        HandSigner.signRsa(
            Fixture.message(), RSA_TAGS.replace("rsa-sha256", "rsa-sha1"), pair.getPrivate());
    InMemoryTxtResolver resolver =
        InMemoryTxtResolver.builder()
            .txt("rsa._domainkey.example.com", TestKeys.record(key, ""))
            .build();
    DkimResult strict = only(Fixture.verifier(resolver).verify(signed));
    assertEquals(DkimStatus.PERMERROR, strict.status());
    assertEquals("rsa-sha1 is not accepted (RFC 8301)", strict.reason());
    DkimResult legacy =
        only(
            DkimVerifier.builder()
                .resolver(resolver)
                .clock(Fixture.NOW)
                .allowRsaSha1(true)
                .build()
                .verify(signed));
    assertEquals(DkimStatus.PASS, legacy.status());
  }

  @Test
  void rsaKeysBelow1024BitsNeverPass() {
    SigningKey small = TestKeys.rsa(512);
    byte[] signed = Fixture.signer(small, "small").build().sign(Fixture.message());
    InMemoryTxtResolver resolver =
        InMemoryTxtResolver.builder()
            .txt("small._domainkey.example.com", TestKeys.record(small, ""))
            .build();
    DkimResult result = only(Fixture.verifier(resolver).verify(signed));
    assertEquals(DkimStatus.PERMERROR, result.status());
    assertEquals(
        "RSA key of 512 bits is too small (at least 1024 required, RFC 8301)", result.reason());
    assertThrows(IllegalArgumentException.class, () -> DkimVerifier.builder().minRsaKeyBits(768));
  }

  @Test
  void expiredSignaturesArePermerrorsBeyondTheClockSkew() {
    byte[] signed =
        Fixture.signer(TestKeys.ED25519, "ed")
            .expiration(Duration.ofHours(1))
            .build()
            .sign(Fixture.message());
    Clock later = Clock.offset(Fixture.NOW, Duration.ofMinutes(64));
    Clock muchLater = Clock.offset(Fixture.NOW, Duration.ofMinutes(66));
    assertEquals(DkimStatus.PASS, only(verifierAt(later).verify(signed)).status());
    DkimResult expired = only(verifierAt(muchLater).verify(signed));
    assertEquals(DkimStatus.PERMERROR, expired.status());
    assertTrue(expired.reason().startsWith("signature expired at"), expired.reason());
  }

  @Test
  void signaturesFromTheFutureArePermerrorsBeyondTheClockSkew() {
    byte[] signed = Fixture.ed25519Signer().sign(Fixture.message());
    assertEquals(
        DkimStatus.PASS,
        only(verifierAt(Clock.offset(Fixture.NOW, Duration.ofMinutes(-4))).verify(signed))
            .status());
    DkimResult future =
        only(verifierAt(Clock.offset(Fixture.NOW, Duration.ofHours(-1))).verify(signed));
    assertEquals(DkimStatus.PERMERROR, future.status());
    assertTrue(future.reason().endsWith("is in the future (t=)"), future.reason());
  }

  @Test
  void contentAppendedAfterBodyLengthIsPolicyUnlessAllowed() {
    byte[] signed =
        Fixture.signer(TestKeys.RSA_2048, "rsa").bodyLength(true).build().sign(Fixture.message());
    assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(signed)).status());
    byte[] appended = bytes(text(signed) + "Click http://evil.example/\r\n");
    DkimResult result = only(Fixture.verifier().verify(appended));
    assertEquals(DkimStatus.POLICY, result.status());
    assertEquals("28 body bytes after l=33 are not signed", result.reason());
    DkimResult allowed =
        only(
            DkimVerifier.builder()
                .resolver(Fixture.keys().build())
                .clock(Fixture.NOW)
                .allowUnsignedBodyBytes(true)
                .build()
                .verify(appended));
    assertEquals(DkimStatus.PASS, allowed.status());
    assertEquals("28 body bytes after l= are not signed", allowed.reason());
  }

  @Test
  void bodyLengthBeyondTheBodyFails() {
    byte[] signed = HandSigner.sign(Fixture.message(), RSA_TAGS + "; l=5", TestKeys.RSA_2048);
    String truncated = text(signed).replace("Shall we meet at noon?\r\n\r\nAlice\r\n", "Sh");
    DkimResult result = only(Fixture.verifier().verify(bytes(truncated)));
    assertEquals(DkimStatus.FAIL, result.status());
    assertEquals("l=5 exceeds the body length 4", result.reason());
  }

  @Test
  void handSignedSignatureWithEveryOptionalTagPasses() {
    String tags =
        "v=1; a=ed25519-sha256; c=simple/relaxed; d=example.com; s=ed; h=From : To:subject:x-absent;"
            + " i=alice@sub.example.com; q=dns/txt:other; t=1790000000; x=1790003600; l=10;"
            + " z=From:=20Alice; unknown=tag";
    byte[] signed = HandSigner.sign(Fixture.message(), tags, TestKeys.ED25519);
    DkimVerifier verifier =
        DkimVerifier.builder()
            .resolver(Fixture.keys().build())
            .clock(Fixture.NOW)
            .allowUnsignedBodyBytes(true)
            .build();
    DkimResult result = only(verifier.verify(signed));
    assertEquals(DkimStatus.PASS, result.status(), result.reason());
    assertEquals("alice@sub.example.com", result.identity());
  }

  @Test
  void onlyTheFirstEightSignaturesAreEvaluated() {
    byte[] message = Fixture.message();
    for (int i = 0; i < 10; i++) {
      message = Fixture.ed25519Signer().sign(message);
    }
    DkimResults results = Fixture.verifier().verify(message);
    assertEquals(10, results.results().size());
    assertEquals(8, results.stream().filter(DkimResult::passed).count());
    DkimResult skipped = results.results().get(9);
    assertEquals(DkimStatus.POLICY, skipped.status());
    assertEquals("not evaluated: the message has more than 8 signatures", skipped.reason());
    assertEquals("example.com", skipped.domain());
  }

  @Test
  void signaturesNamingOneKeyInDifferentCaseShareOneLookup() {
    AtomicInteger lookups = new AtomicInteger();
    DkimVerifier verifier = counting(lookups).build();
    DkimSigner upper =
        DkimSigner.builder()
            .domain("EXAMPLE.com")
            .selector("ED")
            .key(TestKeys.ED25519)
            .clock(Fixture.NOW)
            .build();
    byte[] message = upper.sign(Fixture.ed25519Signer().sign(Fixture.message()));
    DkimResults results = verifier.verify(message);
    assertEquals(1, lookups.get());
    assertEquals(List.of("EXAMPLE.com", "example.com"), domains(results));
    for (DkimResult result : results.results()) {
      assertEquals(DkimStatus.PASS, result.status(), result.reason());
    }
  }

  /** A verifier of the fixture's keys that counts its key lookups in {@code lookups}. */
  private static DkimVerifier.Builder counting(AtomicInteger lookups) {
    InMemoryTxtResolver keys = Fixture.keys().build();
    return DkimVerifier.builder()
        .resolver(
            name -> {
              lookups.incrementAndGet();
              return keys.lookup(name);
            })
        .clock(Fixture.NOW);
  }

  private static List<String> domains(DkimResults results) {
    return results.results().stream().map(DkimResult::domain).toList();
  }

  @Test
  void keyLookupsAreSharedAndBounded() {
    AtomicInteger lookups = new AtomicInteger();
    DkimVerifier verifier = counting(lookups).maxDnsLookups(1).build();
    byte[] message = Fixture.ed25519Signer().sign(Fixture.ed25519Signer().sign(Fixture.message()));
    message = Fixture.rsaSigner().sign(message);
    DkimResults results = verifier.verify(message);
    assertEquals(1, lookups.get());
    assertEquals("rsa", results.results().get(0).selector());
    assertEquals(DkimStatus.PASS, results.results().get(0).status());
    for (DkimResult ed : results.results().subList(1, 3)) {
      assertEquals(DkimStatus.TEMPERROR, ed.status());
      assertTrue(ed.reason().contains("limit of 1 key lookups"), ed.reason());
    }
  }

  @Test
  void oversizedHeaderIsAPermerrorResult() {
    DkimVerifier verifier =
        DkimVerifier.builder()
            .resolver(Fixture.keys().build())
            .messageLimits(new MessageLimits(1024, 100))
            .build();
    byte[] message = bytes("X-Big: " + "a".repeat(2000) + "\r\n" + Fixture.MESSAGE);
    DkimResult result = only(verifier.verify(message));
    assertEquals(DkimStatus.PERMERROR, result.status());
    assertEquals("header section exceeds 1024 bytes", result.reason());
  }

  @Test
  void signatureFieldNameIsMatchedCaseInsensitively() {
    String signed = text(Fixture.rsaSigner().sign(Fixture.message()));
    byte[] renamed = bytes(signed.replaceFirst("DKIM-Signature", "dkim-signature"));
    assertEquals(DkimStatus.PASS, only(Fixture.verifier().verify(renamed)).status());
  }

  @Test
  void builderRequiresAResolver() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> DkimVerifier.builder().build());
    assertTrue(e.getMessage().contains("resolver"));
  }

  private static DkimVerifier verifierAt(Clock clock) {
    return DkimVerifier.builder().resolver(Fixture.keys().build()).clock(clock).build();
  }
}
