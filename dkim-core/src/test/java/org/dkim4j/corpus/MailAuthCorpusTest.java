package org.dkim4j.corpus;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.testing.Corpora;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * stalwartlabs/mail-auth's DKIM resources ({@code mail-auth/}), DKIM part only: each {@code
 * dkim/*.txt} file is DNS records, a blank line and an LF message that the Rust test converts to
 * CRLF and verifies with the clock at 1667843664, asserting that the <em>last</em> signature
 * passes; for the two {@code arc/*.txt} messages (real clock) it asserts that at least one DKIM
 * signature passes. The records are those of {@code dns-records.txt}.
 */
class MailAuthCorpusTest {

  static final String CORPUS = "mail-auth";

  /** The clock of mail-auth's dkim_verify test. */
  static final long TEST_CLOCK = 1667843664L;

  /*
   * DEVIATIONS: every case where our result differs from mail-auth's.
   */
  static final Map<String, Deviation> DEVIATIONS =
      Deviation.table(
          // facebookmail.com signed at t=1667862801, 5 h 19 min after the test's fixed clock.
          // mail-auth checks only x=; we refuse a signature from the future beyond a 5-minute
          // skew. At its own signing time the signature verifies.
          Deviation.of("dkim/004.txt")
              .weReturn("permerror", "is in the future (t=)")
              .upstreamSays("pass")
              .because(
                  "RFC 6376 §3.5 t= is \"the time that this signature was created\" and"
                      + " \"Implementations MAY ignore signatures that have a timestamp in the"
                      + " future\"; a signature made after the verification time cannot be"
                      + " genuine, and OpenDKIM refuses it too (t-test104)")
              .recheck("the clock at t=1667862801", b -> b.clock(at(1667862801L)), "pass"));

  static List<CorpusCase> cases() {
    TxtResolver dns = Corpora.resolver(CORPUS);
    List<CorpusCase> cases = new ArrayList<>();
    for (Map<String, String> row : Corpora.tsv(CORPUS, "expected.tsv")) {
      String file = row.get("file");
      String expected = row.get("expected");
      if (file.startsWith("dkim/")) {
        cases.add(
            message(file, dns)
                .settings(b -> b.clock(at(TEST_CLOCK)))
                .scope(Scope.last())
                .upstream(Expectation.is("pass", "mail-auth: " + expected))
                .build());
      } else if (file.startsWith("arc/")) {
        cases.add(
            message(file, dns)
                .upstream(Expectation.is("pass", "mail-auth: " + expected + " -> dkim pass"))
                .build());
      }
    }
    return cases;
  }

  private static CorpusCase.Builder message(String file, TxtResolver dns) {
    return CorpusCase.named(
        file, () -> Corpora.toCrlf(afterRecords(Corpora.bytes(CORPUS, file))), dns);
  }

  /** The message: what follows the first empty line (the lines before it are DNS records). */
  static byte[] afterRecords(byte[] file) {
    String text = new String(file, StandardCharsets.ISO_8859_1);
    int blank = text.indexOf("\n\n");
    if (blank < 0) {
      throw new IllegalArgumentException("no empty line after the DNS records");
    }
    return Arrays.copyOfRange(file, blank + 2, file.length);
  }

  static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  @TestFactory
  Stream<DynamicNode> agreesWithMailAuth() {
    return CorpusRun.tests(
        CORPUS, cases(), DEVIATIONS, "SPF, DMARC, ARC-chain and report files are not DKIM cases");
  }
}
