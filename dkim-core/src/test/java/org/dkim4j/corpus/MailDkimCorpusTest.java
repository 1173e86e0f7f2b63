package org.dkim4j.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.testing.Corpora;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Mail::DKIM's verifier corpus ({@code mail-dkim/}): each assertion of {@code t/verifier.t} and
 * {@code t/verifier_strict.t}, including the rows upstream skips. Messages are CRLF and used as
 * they are; keys come from {@code dns-records.txt} (the converted {@code t/FAKE_DNS.dat}).
 *
 * <p>Mail::DKIM reports one result per message (its best signature), so we compare the summary of
 * our results. Upstream's result is read through the corpus's {@code rfc8601_mapping(ours)} column
 * ({@code invalid} is permerror, DomainKeys results are {@code dkim=none}); the RFC-level reading
 * is its {@code rfc8301_expected(ours)} column.
 */
class MailDkimCorpusTest {

  static final String CORPUS = "mail-dkim";

  /*
   * DEVIATIONS: every case where our result differs from Mail::DKIM's or from the corpus's
   * RFC-level column. Mail::DKIM still verifies rsa-sha1, keys below 1024 bits and pre-RFC draft
   * signatures (no v=, or v=0.5); RFC 6376 and RFC 8301 forbid all three.
   */
  static final Map<String, Deviation> DEVIATIONS =
      Deviation.table(
          // draft-ietf-dkim-base-00 signatures without v= (rsa-sha1, 768-bit key); upstream skips
          // these tests, but records pass.
          missingV("good_ietf00_1.txt", "pass"),
          missingV("good_ietf00_2.txt", "pass"),
          missingV("good_ietf00_3.txt", "pass"),
          missingV("good_ietf00_4.txt", "pass"),
          missingV("good_ietf00_5.txt", "pass"),
          // draft-01 signatures without v=. For mine_ietf01_3/4 (rsa-sha256, 1024 bits) the
          // corpus's RFC-level column also says pass; it overlooks that v= is required.
          missingV("mine_ietf01_1.txt", "pass"),
          missingV("mine_ietf01_2.txt", "pass"),
          missingV("mine_ietf01_3.txt", "pass"),
          missingV("mine_ietf01_4.txt", "pass"),
          missingV("mine_ietf01_3.txt (Strict)", "pass"),
          missingV("good_ietf01_1.txt", "pass"),
          missingV("good_ietf01_2.txt", "pass"),
          missingV("good_ietf01_1.txt (Strict)", "fail"),
          missingV("multiple_1.txt", "pass"),
          // Broken draft-01 signatures: Mail::DKIM reaches the crypto and fails; RFC 6376 §6.1.1
          // stops at the missing v= first, so we say permerror, not fail.
          missingV("bad_ietf01_1.txt", "fail"),
          missingV("bad_ietf01_2.txt", "fail"),
          missingV("bad_ietf01_3.txt", "fail"),
          missingV("bad_1.txt", "fail"),
          // v=0.5 signatures (a draft of RFC 4871).
          oldVersion("mine_ietf05_1.txt", "pass"),
          oldVersion("no_body_1.txt", "pass"),
          oldVersion("no_body_2.txt", "pass"),
          oldVersion("no_body_3.txt", "pass"),
          // rsa-sha1 with 512-bit keys: refused twice over (RFC 8301 §3.1 and §3.2); no key of
          // at least 1024 bits, so no recheck with rsa-sha1 allowed.
          rsaSha1("good_rfc4871_3.txt", "pass"),
          rsaSha1("good_rfc4871_4.txt", "pass"),
          rsaSha1("good_1878523.txt", "pass"),
          rsaSha1("goodkey_1.txt", "pass"),
          rsaSha1("goodkey_2.txt", "pass"),
          rsaSha1("goodkey_3.txt", "pass"),
          rsaSha1("goodkey_4.txt", "pass"),
          rsaSha1("good_qp_1.txt", "pass"),
          // i= is dkim-quoted-printable (RFC 6376 §3.5): "jlong@messiah=2Eedu" and
          // "jlong=40messiah.edu" both mean jlong@messiah.edu. The refusal must be for rsa-sha1.
          rsaSha1("good_qp_2.txt", "pass"),
          rsaSha1("good_qp_3.txt", "pass"),
          // rsa-sha1 with a 1024-bit key: with rsa-sha1 allowed we give upstream's answer.
          rsaSha1("good_83176.txt", "pass").withRsaSha1Allowed("pass"),
          rsaSha1("multiple_2.txt", "pass").withRsaSha1Allowed("pass"),
          rsaSha1("bad_1878954.txt", "fail").withRsaSha1Allowed("fail"),
          // rsa-sha1 whose key lookup fails temporarily (timeout, SERVFAIL).
          Deviation.of("badkey_14.txt")
              .weReturn("permerror", "rsa-sha1 is not accepted")
              .upstreamSays("temperror")
              .because(Why.RSA_SHA1_BEFORE_DNS)
              .withRsaSha1Allowed("temperror"),
          Deviation.of("badkey_15.txt")
              .weReturn("permerror", "rsa-sha1 is not accepted")
              .upstreamSays("temperror")
              .because(Why.RSA_SHA1_BEFORE_DNS)
              .withRsaSha1Allowed("temperror"));

  private static Deviation missingV(String caseName, String upstream) {
    return Deviation.of(caseName)
        .weReturn("permerror", "missing required tag v=")
        .upstreamSays(upstream)
        .because(Why.MISSING_V);
  }

  private static Deviation oldVersion(String caseName, String upstream) {
    return Deviation.of(caseName)
        .weReturn("permerror", "unsupported version v=0.5")
        .upstreamSays(upstream)
        .because(Why.OLD_VERSION);
  }

  private static Deviation rsaSha1(String caseName, String upstream) {
    return Deviation.of(caseName)
        .weReturn("permerror", "rsa-sha1 is not accepted")
        .upstreamSays(upstream)
        .because(Why.RSA_SHA1);
  }

  static List<CorpusCase> cases() {
    TxtResolver dns = Corpora.resolver(CORPUS);
    List<CorpusCase> cases = new ArrayList<>();
    for (Map<String, String> row : Corpora.tsv(CORPUS, "expected.tsv")) {
      String file = row.get("file");
      boolean strict = row.get("mode").startsWith("Strict");
      cases.add(
          CorpusCase.named(
                  file + (strict ? " (Strict)" : ""),
                  () -> Corpora.bytes(CORPUS, "corpus", file),
                  dns)
              .upstream(upstream(row))
              .rfc(rfcLevel(row.get("rfc8301_expected(ours)")))
              .build());
    }
    return cases;
  }

  /** Mail::DKIM's result as an RFC 8601 result. */
  static Expectation upstream(Map<String, String> row) {
    String result = row.get("maildkim_expected");
    boolean skipped = row.get("mode").equals("skipped-upstream");
    boolean domainKeys = row.get("signatures(kind:a:d:s)").startsWith("DK:");
    String mapped = row.get("rfc8601_mapping(ours)");
    if (mapped.isEmpty()) { // the skipped rows carry no mapping
      mapped = domainKeys ? "none" : result.equals("invalid") ? "permerror" : result;
    }
    String label =
        "Mail::DKIM "
            + result
            + (domainKeys ? " (DomainKeys)" : "")
            + (skipped ? " (test skipped upstream)" : "")
            + " -> ";
    if (mapped.startsWith("permerror")) {
      return Expectation.oneOf(label + "permerror", "permerror", "neutral");
    }
    if (mapped.startsWith("none")) {
      return Expectation.is("none", label + "none (dkim= has no DomainKeys result)");
    }
    if (List.of("pass", "fail", "temperror").contains(mapped)) {
      return Expectation.is(mapped, label + mapped);
    }
    throw new IllegalArgumentException("unknown rfc8601_mapping(ours): " + mapped);
  }

  /** The corpus's RFC 8301 reading. */
  static Expectation rfcLevel(String text) {
    if (text.startsWith("NOT pass")) {
      return Expectation.oneOf(text, "permerror", "fail");
    }
    if (text.startsWith("permerror")) {
      return Expectation.oneOf(text, "permerror", "neutral");
    }
    if (text.startsWith("n/a")) {
      return Expectation.is("none", text);
    }
    if (List.of("pass", "fail", "temperror").contains(text)) {
      return Expectation.is(text);
    }
    throw new IllegalArgumentException("unknown rfc8301_expected(ours): " + text);
  }

  @TestFactory
  Stream<DynamicNode> agreesWithMailDkim() {
    return CorpusRun.tests(CORPUS, cases(), DEVIATIONS, "");
  }
}
