package org.dkim4j.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dns.TxtLookup;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.testing.Corpora;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * dkimpy 1.1.5's test data ({@code dkimpy/}): its verify vectors, and the key records its tests
 * check by signing {@code data/test.message} and verifying with a replaced DNS answer (the {@code
 * dnsfunc*} variants of {@code dns-records.txt}). Where dkimpy signs, we sign with our signer and
 * the same key. Messages are given as stored: dkimpy reads LF files and treats LF as CRLF, as our
 * reader does.
 *
 * <p>dkimpy's {@code verify()} answers true or false, so "not pass" is all it records for a bad
 * signature; the corpus records no RFC-level column for it.
 */
class DkimpyCorpusTest {

  static final String CORPUS = "dkimpy";

  /*
   * DEVIATIONS: every case where our result differs from dkimpy's.
   */
  static final Map<String, Deviation> DEVIATIONS =
      Deviation.table(
          // Windows-1258 bytes in From: dkimpy signs the message but its own verify fails, which
          // its test accepts with a FIXME ("at least we don't crash").
          Deviation.of("data/rfc6376.w1258.msg signed with data/test.private")
              .weReturn("pass", "")
              .upstreamSays("not pass")
              .because(
                  "RFC 6376 §3.4 canonicalizes and §3.7 hashes octets; nothing requires header"
                      + " octets to be ASCII (or UTF-8, RFC 6532), so a signer and a verifier that"
                      + " follow the RFC agree on these bytes and the signature verifies"));

  static List<CorpusCase> cases() {
    Map<String, String> expected = expectedColumn();
    TxtResolver dns = Corpora.resolver(CORPUS);
    List<CorpusCase> cases = new ArrayList<>();

    cases.add(
        verify("data/rfc6376.signed.msg", dns)
            .scope(Scope.each())
            .upstream(
                Expectation.is(
                    "pass,pass",
                    "dkimpy: " + check(expected, "data/rfc6376.signed.msg", "pass, pass")))
            .build());
    String rsaExpected =
        check(
            expected,
            "data/rfc6376.signed.rsa.msg",
            "pass with default zone; NOT pass with variant dnsfunc6");
    cases.add(
        verify("data/rfc6376.signed.rsa.msg", dns)
            .upstream(Expectation.is("pass", "dkimpy: " + rsaExpected))
            .build());
    // dnsfunc6 (test_catch_bad_key) serves a 512-bit key with bytes missing, shown in
    // dns-records.txt as "MFwwDQYJKoZIhvNAQEB...": the key of example._domainkey.canonical.com
    // with the byte dropped that this prefix shows.
    String canonical = onlyRecord(dns, "example._domainkey.canonical.com");
    String corrupted = canonical.replace("MFwwDQYJKoZIhvcNAQEB", "MFwwDQYJKoZIhvNAQEB");
    cases.add(
        CorpusCase.named(
                "data/rfc6376.signed.rsa.msg with dnsfunc6 (corrupted key)",
                () -> Corpora.bytes(CORPUS, "data", "rfc6376.signed.rsa.msg"),
                Corpora.withRecord(dns, "test._domainkey.football.example.com", corrupted))
            .upstream(Expectation.notPass("dkimpy: " + rsaExpected + " -> not pass"))
            .build());
    cases.add(
        verify("data/test2.message", dns)
            .upstream(
                Expectation.is("pass", "dkimpy: " + check(expected, "data/test2.message", "pass")))
            .build());
    cases.add(
        verify("data/ed25519test2.msg", dns)
            .upstream(
                Expectation.is(
                    "pass", "dkimpy: " + check(expected, "data/ed25519test2.msg", "pass")))
            .build());
    // dnsfunc7 would even answer the bad name with a good key: it must never be asked.
    cases.add(
        CorpusCase.named(
                "data/test.message.baddomain",
                () -> Corpora.bytes(CORPUS, "data", "test.message.baddomain"),
                Corpora.withRecord(
                    dns, "test._domainkey.legitimate.com(.attacker.com", record("test.txt")))
            .scope(Scope.messageBeforeAnyDnsQuery())
            .upstream(
                new Expectation(
                    "dkimpy: "
                        + check(expected, "data/test.message.baddomain", "fail (invalid d=)")
                        + ", rejected before any DNS query -> not pass, no DNS query",
                    value -> !value.startsWith("pass") && !value.contains("DNS query")))
            .build());
    cases.add(
        signed(
                "data/rfc6376.w1258.msg signed with data/test.private",
                "rfc6376.w1258.msg",
                "test.private",
                "football.example.com",
                "test",
                dns)
            .upstream(
                Expectation.notPass(
                    "dkimpy: "
                        + check(expected, "data/rfc6376.w1258.msg", "not pass (upstream FIXME)")))
            .build());

    // Key records (expected.tsv: badversion.txt and badk.txt "must make verification fail";
    // the *.pub.txt and *.pub.rsa.txt records, SubjectPublicKeyInfo or bare RSAPublicKey:
    // "dkimpy accepts both"). test_dkim.py and test_dkim_rsavariants.py sign data/test.message.
    checkNote("data/test.txt ", "badversion.txt (\"v=DKIM1:\" typo) and badk.txt");
    checkNote("data/1024_testkey.key ", "dkimpy accepts both");
    cases.add(
        keyRecord("badversion.txt", "test.private", "test", dns)
            .upstream(
                Expectation.notPass(
                    "dkimpy (dnsfunc3): badversion.txt (\"v=DKIM1:\" typo) must make verification"
                        + " fail -> not pass"))
            .build());
    cases.add(
        keyRecord("badk.txt", "test.private", "test", dns)
            .upstream(
                Expectation.notPass(
                    "dkimpy (dnsfunc4): badk.txt (k=ed25519-sha256) must make verification fail"
                        + " -> not pass"))
            .build());
    String accepts = "dkimpy accepts SubjectPublicKeyInfo and bare RSAPublicKey -> pass";
    cases.add(
        keyRecord("1024_testkey_wo_markers.pub.txt", "1024_testkey.key", "test", dns)
            .upstream(Expectation.is("pass", accepts))
            .build());
    cases.add(
        keyRecord("1024_testkey_wo_markers.pub.rsa.txt", "1024_testkey.key", "test2", dns)
            .upstream(Expectation.is("pass", accepts))
            .build());
    cases.add(
        keyRecord("2048_testkey_wo_markers.pub.txt", "2048_testkey.key", "test3", dns)
            .upstream(Expectation.is("pass", accepts))
            .build());
    cases.add(
        keyRecord("2048_testkey_wo_markers.pub.rsa.txt", "2048_testkey.key", "test4", dns)
            .upstream(Expectation.is("pass", accepts))
            .build());
    cases.add(
        keyRecord("2048_testkey_PKCS8.key.pub.txt", "2048_testkey_PKCS8.key", "test5", dns)
            .upstream(Expectation.is("pass", accepts))
            .build());
    return cases;
  }

  private static CorpusCase.Builder verify(String file, TxtResolver dns) {
    return CorpusCase.named(file, () -> Corpora.bytes(CORPUS, file), dns);
  }

  /** data/test.message signed with {@code keyFile} as d=example.com, verified with the record. */
  private static CorpusCase.Builder keyRecord(
      String recordFile, String keyFile, String selector, TxtResolver dns) {
    return signed(
        "key record data/" + recordFile + " (data/test.message signed with data/" + keyFile + ")",
        "test.message",
        keyFile,
        "example.com",
        selector,
        Corpora.withRecord(dns, selector + "._domainkey.example.com", record(recordFile)));
  }

  private static CorpusCase.Builder signed(
      String name,
      String messageFile,
      String keyFile,
      String domain,
      String selector,
      TxtResolver dns) {
    return CorpusCase.named(
        name,
        () -> {
          try {
            SigningKey key = SigningKey.fromFile(Corpora.path(CORPUS, "data", keyFile));
            DkimSigner signer =
                DkimSigner.builder().domain(domain).selector(selector).key(key).build();
            return signer.sign(Corpora.toCrlf(Corpora.bytes(CORPUS, "data", messageFile)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        dns);
  }

  private static String record(String file) {
    return new String(Corpora.bytes(CORPUS, "data", file), StandardCharsets.US_ASCII).strip();
  }

  private static String onlyRecord(TxtResolver dns, String name) {
    return ((TxtLookup.Found) dns.lookup(name)).records().get(0);
  }

  /** The "expected" column by file. */
  private static Map<String, String> expectedColumn() {
    Map<String, String> byFile = new HashMap<>();
    for (Map<String, String> row : Corpora.tsv(CORPUS, "expected.tsv")) {
      byFile.put(row.get("file"), row.get("expected"));
    }
    return byFile;
  }

  /** Fails when the note of the row whose file starts with {@code file} lacks {@code text}. */
  private static void checkNote(String file, String text) {
    String note =
        Corpora.tsv(CORPUS, "expected.tsv").stream()
            .filter(row -> row.get("file").startsWith(file))
            .map(row -> row.get("note"))
            .findFirst()
            .orElse("");
    assertTrue(note.contains(text), "expected.tsv changed: the note on " + file + " lacks " + text);
  }

  /** Returns the recorded expectation, failing when the corpus no longer says what we read. */
  private static String check(Map<String, String> expected, String file, String text) {
    assertEquals(text, expected.get(file), "expected.tsv changed for " + file);
    return text;
  }

  @TestFactory
  Stream<DynamicNode> agreesWithDkimpy() {
    return CorpusRun.tests(
        CORPUS, cases(), DEVIATIONS, "ARC rows and signing-only inputs are not DKIM verify cases");
  }
}
