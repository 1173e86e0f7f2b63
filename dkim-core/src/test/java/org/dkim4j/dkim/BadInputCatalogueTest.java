package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.dns.ZoneFileResolver;
import org.dkim4j.testing.TestKeys;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A catalogue of hostile and malformed inputs. Each row states the expected status of the first
 * signature (or NONE for no signature) and a fragment of the reason; nothing may throw out of the
 * public API, and every row must finish quickly.
 */
class BadInputCatalogueTest {

  static final String M = Fixture.MESSAGE;
  static final String RSA =
      "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=rsa; h=from:to:subject";
  static final String ED =
      "v=1; a=ed25519-sha256; c=relaxed/relaxed; d=example.com; s=ed; h=from:to:subject";
  static final String SIG_PREFIX = "DKIM-Signature: ";

  record Row(
      String name,
      Supplier<String> message,
      TxtResolver resolver,
      DkimStatus expected,
      String reason) {}

  static final List<Row> ROWS = new ArrayList<>();

  static void row(String name, Supplier<String> message, DkimStatus expected, String reason) {
    ROWS.add(new Row(name, message, Fixture.keys().build(), expected, reason));
  }

  static void row(
      String name,
      Supplier<String> message,
      TxtResolver resolver,
      DkimStatus expected,
      String reason) {
    ROWS.add(new Row(name, message, resolver, expected, reason));
  }

  /** A field that is syntactically a signature with made-up hashes, placed on top of M. */
  static Supplier<String> field(String tags) {
    return () -> SIG_PREFIX + tags + "\r\n" + M;
  }

  static final String FAKE = RSA + "; bh=AAAA; b=AAAA";

  static String rsaSigned() {
    return Fixture.text(Fixture.rsaSigner().sign(Fixture.message()));
  }

  static String edSigned() {
    return Fixture.text(Fixture.ed25519Signer().sign(Fixture.message()));
  }

  static String hand(String tags) {
    return Fixture.text(HandSigner.sign(Fixture.message(), tags, TestKeys.RSA_2048));
  }

  static String handEd(String message, String tags) {
    return Fixture.text(HandSigner.sign(Fixture.bytes(message), tags, TestKeys.ED25519));
  }

  static TxtResolver withKey(String name, String record) {
    return InMemoryTxtResolver.builder().txt(name, record).build();
  }

  static TxtResolver rsaKeyRecord(String record) {
    return withKey(
        "rsa._domainkey.example.com",
        record.replace("KEY", TestKeys.publicKeyBase64(TestKeys.RSA_2048)));
  }

  static final KeyPair RSA_PAIR = rsaPair(2048);
  static final SigningKey SMALL_KEY = TestKeys.rsa(512);

  static KeyPair rsaPair(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static {
    DkimStatus NONE = DkimStatus.NONE;
    DkimStatus PASS = DkimStatus.PASS;
    DkimStatus FAIL = DkimStatus.FAIL;
    DkimStatus PERM = DkimStatus.PERMERROR;
    DkimStatus TEMP = DkimStatus.TEMPERROR;
    DkimStatus POLICY = DkimStatus.POLICY;

    // --- message shape ---
    row("empty input", () -> "", NONE, "");
    row("only a line ending", () -> "\r\n", NONE, "");
    row("truncated header, no colon, no body", () -> "From alice", NONE, "");
    row("header only, no body separator", () -> "From: a@example.com", NONE, "");
    row(
        "NUL bytes in the header",
        () -> "From: a\0b@example.com\r\nSubject: \0\0\r\n\r\nx\r\n",
        NONE,
        "");
    row(
        "binary garbage",
        () ->
            new String(
                new byte[] {(byte) 0xff, 0, 1, 2, (byte) 0x80, '\n', '\n'},
                StandardCharsets.ISO_8859_1),
        NONE,
        "");
    row(
        "1 MB header field",
        () -> "X-Big: " + "a".repeat(1 << 20) + "\r\n" + rsaSigned(),
        PERM,
        "header section exceeds");
    row(
        "10,000 header fields",
        () -> "X: 1\r\n".repeat(10_000) + rsaSigned(),
        PERM,
        "more than 1000 fields");
    row(
        "a header line of 200 kB without line ending",
        () -> rsaSigned().replace("Subject: Lunch", "Subject: " + "x".repeat(200_000)),
        FAIL,
        "signature did not verify");
    row(
        "NUL byte appended to a signed body",
        () -> rsaSigned() + "\0",
        FAIL,
        "body hash did not verify");
    row("bare LF line endings throughout", () -> rsaSigned().replace("\r\n", "\n"), PASS, "");
    row(
        "bare CR inside the body",
        () -> rsaSigned().replace("at noon", "at\rnoon"),
        FAIL,
        "body hash");
    row(
        "CR CR LF line endings in the body",
        () -> rsaSigned().replace("Alice\r\n", "Alice\r\r\n"),
        FAIL,
        "body hash");
    row("trailing empty lines added", () -> rsaSigned() + "\r\n\r\n\r\n", PASS, "");
    row(
        "whitespace changed in the body (relaxed)",
        () -> rsaSigned().replace("meet at", "meet \t at").replace("noon?", "noon? \t "),
        PASS,
        "");
    row(
        "whitespace changed in the body (simple)",
        () -> hand(RSA.replace("relaxed/relaxed", "relaxed/simple")).replace("at noon", "at  noon"),
        FAIL,
        "body hash");
    row(
        "signed header refolded (relaxed)",
        () -> rsaSigned().replace("Subject: Lunch", "Subject:\r\n\tLunch"),
        PASS,
        "");
    row(
        "signed header refolded (simple)",
        () ->
            hand(RSA.replace("relaxed/relaxed", "simple/relaxed"))
                .replace("Subject: Lunch", "Subject:\r\n Lunch"),
        FAIL,
        "signature did not verify");
    row(
        "header names differing only in case (relaxed)",
        () -> rsaSigned().replace("Subject:", "SUBJECT:"),
        PASS,
        "");
    row(
        "header names differing only in case (simple)",
        () -> hand(RSA.replace("relaxed/relaxed", "simple/simple")).replace("Subject:", "SUBJECT:"),
        FAIL,
        "signature did not verify");
    row(
        "obs-fold: a continuation line of whitespace only",
        () -> rsaSigned().replace("Subject: Lunch\r\n", "Subject: Lunch\r\n \r\n"),
        PASS,
        "");
    row(
        "unsigned Received field added on top",
        () -> "Received: from a by b; Mon, 23 Nov 2026 10:00:00 +0000\r\n" + rsaSigned(),
        PASS,
        "");
    row(
        "signature moved below the signed fields",
        () -> {
          String s = rsaSigned();
          int signatureEnd = s.indexOf("\r\nFrom:") + 2;
          String rest = s.substring(signatureEnd);
          int headerEnd = rest.indexOf("\r\n\r\n") + 2;
          return rest.substring(0, headerEnd)
              + s.substring(0, signatureEnd)
              + rest.substring(headerEnd);
        },
        PASS,
        "");
    row(
        "signed field removed",
        () -> rsaSigned().replace("Subject: Lunch\r\n", ""),
        FAIL,
        "signature did not verify");
    row(
        "oversigned From added",
        () -> "From: boss@example.com\r\n" + rsaSigned(),
        FAIL,
        "signature did not verify");
    row(
        "second From prepended, From not oversigned",
        () ->
            "From: boss@example.com\r\n"
                + Fixture.text(
                    Fixture.signer(TestKeys.RSA_2048, "rsa")
                        .oversignedHeaders(List.of())
                        .build()
                        .sign(Fixture.message())),
        FAIL,
        "2 From fields");
    row(
        "From with two addresses (DKIM is indifferent)",
        () ->
            Fixture.text(
                Fixture.rsaSigner()
                    .sign(
                        Fixture.bytes(
                            M.replace(
                                "From: Alice <alice@example.com>",
                                "From: a@example.com, b@evil.example")))),
        PASS,
        "");
    row(
        "From with no domain (DKIM is indifferent)",
        () ->
            Fixture.text(
                Fixture.rsaSigner()
                    .sign(Fixture.bytes(M.replace("<alice@example.com>", "<alice>")))),
        PASS,
        "");
    row(
        "RFC 2047-encoded From",
        () ->
            Fixture.text(
                Fixture.rsaSigner()
                    .sign(Fixture.bytes(M.replace("Alice <", "=?UTF-8?B?w4FsaWNl?= <")))),
        PASS,
        "");
    row(
        "raw UTF-8 in signed headers",
        () ->
            Fixture.text(
                Fixture.rsaSigner()
                    .sign(Fixture.bytes(M.replace("Lunch", "D\u00e9jeuner \u65e5\u672c")))),
        PASS,
        "");
    row(
        "message without From signed",
        () ->
            Fixture.text(
                Fixture.rsaSigner()
                    .sign(Fixture.bytes(M.replace("From: Alice <alice@example.com>\r\n", "")))),
        PASS,
        "");
    row(
        "body tampered by one byte",
        () -> rsaSigned().replace("noon", "noom"),
        FAIL,
        "body hash did not verify");
    row(
        "signed header tampered by one byte",
        () -> edSigned().replace("Lunch", "Lanch"),
        FAIL,
        "signature did not verify");
    row(
        "b= tampered",
        () -> {
          String s = rsaSigned();
          int b = s.indexOf(" b=") + 3;
          return s.substring(0, b) + (s.charAt(b) == 'A' ? 'B' : 'A') + s.substring(b + 1);
        },
        FAIL,
        "signature did not verify");
    row("bh= tampered", () -> rsaSigned().replaceFirst("bh=.", "bh=" + "Q"), FAIL, "");

    // --- DKIM-Signature syntax ---
    row("empty signature field", field(""), PERM, "missing required tag v=");
    row("signature field of whitespace", field("  \r\n  "), PERM, "missing required tag");
    row("not a tag list", field("hello world"), PERM, "invalid tag list");
    row("tag without =", field(FAKE + "; novalue"), PERM, "has no '='");
    row("empty tag-spec in the middle", field("v=1;; a=rsa-sha256"), PERM, "empty tag-spec");
    row("invalid tag name", field(FAKE + "; 9x=1"), PERM, "invalid tag name");
    row("duplicate tags", field(FAKE + "; d=example.org"), PERM, "duplicate tag d=");
    row("duplicate b=", field(FAKE + "; b=AAAA"), PERM, "duplicate tag b=");
    row("v= missing", field(FAKE.replace("v=1; ", "")), PERM, "missing required tag v=");
    row("v=2", field(FAKE.replace("v=1", "v=2")), PERM, "unsupported version v=2");
    row("v= empty", field(FAKE.replace("v=1", "v=")), PERM, "unsupported version");
    row("a= missing", field(FAKE.replace("a=rsa-sha256; ", "")), PERM, "missing required tag a=");
    row(
        "unknown algorithm",
        field(FAKE.replace("rsa-sha256", "rsa-sha512")),
        PERM,
        "unknown algorithm a=rsa-sha512");
    row(
        "algorithm ed448",
        field(FAKE.replace("rsa-sha256", "ed448-sha256")),
        PERM,
        "unknown algorithm");
    row("b= missing", field(RSA + "; bh=AAAA"), PERM, "missing required tag b=");
    row("bh= missing", field(RSA + "; b=AAAA"), PERM, "missing required tag bh=");
    row("b= empty", field(RSA + "; bh=AAAA; b="), PERM, "empty signature b=");
    row("bh= empty", field(RSA + "; bh=; b=AAAA"), PERM, "empty body hash bh=");
    row("b= invalid base64", field(RSA + "; bh=AAAA; b=A$AA"), PERM, "invalid base64 in b=");
    row("bh= invalid base64", field(RSA + "; bh=A$AA; b=AAAA"), PERM, "invalid base64 in bh=");
    row("b= with folding whitespace inside (valid)", () -> rsaSigned(), PASS, "");
    row("d= missing", field(FAKE.replace("d=example.com; ", "")), PERM, "missing required tag d=");
    row(
        "d= with a parenthesis (attacker domain trick)",
        field(FAKE.replace("d=example.com", "d=legitimate.com(.attacker.com")),
        PERM,
        "invalid domain");
    row(
        "d= with an empty label",
        field(FAKE.replace("d=example.com", "d=example..com")),
        PERM,
        "invalid domain");
    row(
        "d= non-ASCII",
        field(FAKE.replace("d=example.com", "d=exampl\u00e9.com")),
        PERM,
        "invalid domain");
    row("s= missing", field(FAKE.replace("s=rsa; ", "")), PERM, "missing required tag s=");
    row("s= with a slash", field(FAKE.replace("s=rsa", "s=a/b")), PERM, "invalid selector");
    row(
        "h= missing",
        field(FAKE.replace("; h=from:to:subject", "")),
        PERM,
        "missing required tag h=");
    row(
        "h= without From",
        field(FAKE.replace("h=from:to:subject", "h=to:subject")),
        PERM,
        "h= does not include From");
    row(
        "h= with an empty name",
        field(FAKE.replace("h=from:to:subject", "h=from::subject")),
        PERM,
        "invalid header name");
    row(
        "c= unknown",
        field(FAKE.replace("relaxed/relaxed", "fancy/relaxed")),
        PERM,
        "invalid canonicalization");
    row(
        "c= three parts",
        field(FAKE.replace("relaxed/relaxed", "relaxed/relaxed/relaxed")),
        PERM,
        "invalid canonicalization");
    row(
        "c= with only the header part (body defaults to simple)",
        () -> hand(RSA.replace("c=relaxed/relaxed", "c=relaxed")),
        PASS,
        "");
    row(
        "c= absent (simple/simple default)",
        () -> hand(RSA.replace("c=relaxed/relaxed; ", "")),
        PASS,
        "");
    row("q= without dns/txt", field(FAKE + "; q=http"), PERM, "q= does not include dns/txt");
    row("i= outside d=", field(FAKE + "; i=a@evil.example"), PERM, "is not within d=");
    row(
        "i= in a parent of d=",
        field(FAKE.replace("d=example.com", "d=mail.example.com") + "; i=a@example.com"),
        PERM,
        "is not within d=");
    row("i= suffix trick", field(FAKE + "; i=a@badexample.com"), PERM, "is not within d=");
    row("i= without @", field(FAKE + "; i=example.com"), PERM, "has no @");
    row("l= negative", field(FAKE + "; l=-1"), PERM, "invalid l=-1");
    row("l= not a number", field(FAKE + "; l=12a"), PERM, "invalid l=12a");
    row("l= of 77 digits", field(FAKE + "; l=" + "9".repeat(77)), PERM, "invalid l=");
    row("l= of 76 digits, too large", field(FAKE + "; l=" + "9".repeat(76)), PERM, "is too large");
    row(
        "l= larger than the body",
        () -> hand(RSA + "; l=5").replace("Shall we meet at noon?\r\n\r\nAlice\r\n", "Sh"),
        FAIL,
        "exceeds the body length");
    row(
        "l= with appended content",
        () -> hand(RSA + "; l=33") + "Click here\r\n",
        POLICY,
        "body bytes after l=33 are not signed");
    row("l=0 with a body", () -> hand(RSA + "; l=0"), POLICY, "33 body bytes after l=0");
    row("t= not a number", field(FAKE + "; t=yesterday"), PERM, "invalid t=");
    row("t= of 13 digits", field(FAKE + "; t=1234567890123"), PERM, "invalid t=");
    row("x= before t=", field(FAKE + "; t=2000; x=1000"), PERM, "is before t=");
    row(
        "x= in the past",
        () -> hand(RSA + "; t=1000000000; x=1000000100"),
        PERM,
        "signature expired");
    row(
        "t= in the future",
        () -> hand(RSA + "; t=" + (Fixture.NOW.instant().getEpochSecond() + 86_400)),
        PERM,
        "in the future");
    row(
        "rsa-sha1",
        () ->
            Fixture.text(
                HandSigner.signRsa(
                    Fixture.message(),
                    RSA.replace("rsa-sha256", "rsa-sha1"),
                    RSA_PAIR.getPrivate())),
        withKey(
            "rsa._domainkey.example.com",
            TestKeys.record(SigningKey.of(RSA_PAIR.getPrivate()), "")),
        PERM,
        "rsa-sha1 is not accepted");
    row(
        "algorithm name in upper case",
        () -> hand(RSA.replace("rsa-sha256", "RSA-SHA256")),
        PASS,
        "");
    row("unknown extra tags are ignored", () -> hand(RSA + "; foo=bar; zz=9"), PASS, "");
    row(
        "header list with 1,000 absent names (bounded work)",
        () -> hand(RSA + ":x-absent".repeat(1000)),
        PASS,
        "");
    row(
        "500 DKIM-Signatures",
        () -> (SIG_PREFIX + FAKE + "\r\n").repeat(499) + rsaSigned(),
        FAIL,
        "body hash did not verify");

    // --- key records and DNS ---
    row(
        "no key record (NXDOMAIN)",
        () -> rsaSigned(),
        InMemoryTxtResolver.builder().build(),
        PERM,
        "no key record");
    row(
        "no TXT at the name (NODATA)",
        () -> rsaSigned(),
        InMemoryTxtResolver.builder().noData("rsa._domainkey.example.com").build(),
        PERM,
        "NODATA");
    row(
        "DNS timeout",
        () -> rsaSigned(),
        InMemoryTxtResolver.builder().temporaryFailure("rsa._domainkey.example.com").build(),
        TEMP,
        "failed");
    row(
        "resolver throws",
        () -> rsaSigned(),
        name -> {
          throw new IllegalStateException("boom");
        },
        TEMP,
        "boom");
    row("resolver returns null", () -> rsaSigned(), name -> null, TEMP, "no answer");
    row(
        "key record revoked (empty p=)",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; p="),
        PERM,
        "key revoked");
    row(
        "key record without p=",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; k=rsa"),
        PERM,
        "has no p=");
    row(
        "key record v=DKIM2",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM2; p=KEY"),
        PERM,
        "unsupported key record version");
    row(
        "key record v= not first",
        () -> rsaSigned(),
        rsaKeyRecord("k=rsa; v=DKIM1; p=KEY"),
        PERM,
        "v= is not the first tag");
    row(
        "key record duplicate tags",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; p=KEY; p=KEY"),
        PERM,
        "duplicate tag p=");
    row(
        "key record not a tag list",
        () -> rsaSigned(),
        rsaKeyRecord("hello"),
        PERM,
        "invalid key record");
    row(
        "k=rsa with an Ed25519 key",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; k=rsa; p=" + TestKeys.publicKeyBase64(TestKeys.ED25519)),
        PERM,
        "p= is invalid");
    row(
        "k=ed25519 with an RSA key",
        () -> edSigned(),
        withKey(
            "ed._domainkey.example.com",
            "v=DKIM1; k=ed25519; p=" + TestKeys.publicKeyBase64(TestKeys.RSA_2048)),
        PERM,
        "expected a 32-byte Ed25519 public key");
    row(
        "k= does not match a=",
        () -> edSigned(),
        withKey("ed._domainkey.example.com", TestKeys.record(TestKeys.RSA_2048, "")),
        PERM,
        "does not match a=ed25519-sha256");
    row(
        "k= unknown",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; k=dsa; p=KEY"),
        PERM,
        "unknown key type k=dsa");
    row(
        "p= not a key",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; p=aGVsbG8gd29ybGQ="),
        PERM,
        "p= is invalid");
    row(
        "p= invalid base64",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; p=%%%"),
        PERM,
        "invalid base64");
    row(
        "p= of another key",
        () -> rsaSigned(),
        withKey("rsa._domainkey.example.com", TestKeys.record(TestKeys.rsa(2048), "")),
        FAIL,
        "signature did not verify");
    row(
        "key h=sha1 only",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; h=sha1; p=KEY"),
        PERM,
        "does not allow sha256");
    row(
        "key s= without email",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; s=tlsrpt; p=KEY"),
        PERM,
        "does not include email");
    row("key s=* allows email", () -> rsaSigned(), rsaKeyRecord("v=DKIM1; s=*; p=KEY"), PASS, "");
    row(
        "key t=y reports testing",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; t=y; p=KEY"),
        PASS,
        "testing mode");
    row(
        "key t=s with i= in a subdomain",
        () -> hand(RSA + "; i=a@sub.example.com"),
        rsaKeyRecord("v=DKIM1; t=s; p=KEY"),
        PERM,
        "t=s requires");
    row("key record split mid-base64 into strings", () -> rsaSigned(), splitZone(), PASS, "");
    row(
        "several key records, first is not a key record",
        () -> rsaSigned(),
        InMemoryTxtResolver.builder()
            .txt("rsa._domainkey.example.com", "v=spf1 -all")
            .txt("rsa._domainkey.example.com", TestKeys.record(TestKeys.RSA_2048, ""))
            .build(),
        PASS,
        "");
    row(
        "several key records, none valid",
        () -> rsaSigned(),
        InMemoryTxtResolver.builder()
            .txt("rsa._domainkey.example.com", "v=spf1 -all")
            .txt("rsa._domainkey.example.com", "junk")
            .build(),
        PERM,
        "unsupported key record version v=spf1");
    row(
        "DNS answer of 64 kB",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; n=" + "x".repeat(65_536) + "; p=KEY"),
        PASS,
        "");
    row(
        "DNS answer of 64 kB of base64 in p=",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; p=" + "A".repeat(65_536)),
        PERM,
        "p= is invalid");
    row(
        "512-bit RSA key",
        () -> small512(),
        withKey("small._domainkey.example.com", TestKeys.record(SMALL_KEY, "")),
        PERM,
        "too small");
    row(
        "RSA key above the 8192-bit limit",
        () -> rsaSigned(),
        rsaKeyRecord("v=DKIM1; p=" + Base64.getEncoder().encodeToString(bigKey())),
        PERM,
        "exceeds the limit");
    row(
        "key record with Ed25519 key of 31 bytes",
        () -> edSigned(),
        withKey(
            "ed._domainkey.example.com",
            "v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(new byte[31])),
        PERM,
        "32-byte Ed25519");
    row(
        "Ed25519 signature over a simple header",
        () -> handEd(M, ED.replace("relaxed/relaxed", "simple/simple")),
        PASS,
        "");
    row(
        "Ed25519 signature of wrong length",
        () -> {
          String s = edSigned();
          int b = s.indexOf(" b=") + 3;
          return s.substring(0, b) + "AAAA" + s.substring(b);
        },
        FAIL,
        "signature did not verify");
  }

  static String small512() {
    return Fixture.text(Fixture.signer(SMALL_KEY, "small").build().sign(Fixture.message()));
  }

  /** An RSA public key with a 9000-bit modulus (never generated: just encoded). */
  static byte[] bigKey() {
    try {
      java.math.BigInteger modulus =
          java.math.BigInteger.ONE
              .shiftLeft(8999)
              .add(java.math.BigInteger.valueOf(0x10001 * 2 + 1));
      return java.security.KeyFactory.getInstance("RSA")
          .generatePublic(
              new java.security.spec.RSAPublicKeySpec(modulus, java.math.BigInteger.valueOf(65537)))
          .getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The RSA key record in a zone file, its p= split into strings in the middle of the base64. */
  static TxtResolver splitZone() {
    String record = TestKeys.record(TestKeys.RSA_2048, "");
    StringBuilder strings = new StringBuilder();
    for (int i = 0; i < record.length(); i += 97) {
      strings.append('"').append(record, i, Math.min(record.length(), i + 97)).append("\" ");
    }
    return ZoneFileResolver.parse(
        "rsa._domainkey.example.com. 300 IN TXT ( " + strings + ")\n", null);
  }

  static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  @TestFactory
  Stream<DynamicTest> everyHostileInputGivesTheStatedResult() {
    assertTrue(ROWS.size() >= 100, "the catalogue has " + ROWS.size() + " rows");
    return ROWS.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.name(),
                    () ->
                        assertTimeoutPreemptively(
                            Duration.ofSeconds(10),
                            () -> {
                              DkimResults results =
                                  Fixture.verifier(row.resolver())
                                      .verify(Fixture.bytes(row.message().get()));
                              DkimStatus actual =
                                  results.results().isEmpty()
                                      ? DkimStatus.NONE
                                      : results.results().get(0).status();
                              String reason =
                                  results.results().isEmpty()
                                      ? ""
                                      : results.results().get(0).reason();
                              assertEquals(
                                  row.expected(),
                                  actual,
                                  row.name() + ": " + abbreviate(results.toString()));
                              assertTrue(
                                  reason.contains(row.reason()),
                                  row.name() + ": reason was \"" + reason + "\"");
                              for (DkimResult r : results) {
                                if (!r.passed()) {
                                  assertTrue(
                                      !r.reason().isEmpty(), "every non-pass has a reason: " + r);
                                }
                              }
                            })));
  }
}
