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
 * go-msgauth's DKIM vectors ({@code go-msgauth/}), copied out of {@code dkim/*_test.go}: the verify
 * vectors, and the messages its signing tests must produce, used here as verify vectors. Like the
 * Go tests, messages are converted from LF to CRLF, except {@code too-many-signatures}, which the
 * Go test reads as stored.
 */
class GoMsgauthCorpusTest {

  static final String CORPUS = "go-msgauth";

  /*
   * DEVIATIONS: every case where our result differs from go-msgauth's.
   */
  static final Map<String, Deviation> DEVIATIONS =
      Deviation.table(
          // Three good signatures, verified with a limit of two: go-msgauth returns
          // ErrTooManySignatures and no verification at all; we verify the first two and report
          // the third as not evaluated.
          Deviation.of("too-many-signatures.eml")
              .weReturn("pass,pass,policy", "not evaluated")
              .upstreamSays("ErrTooManySignatures")
              .because(
                  "RFC 6376 §6.1 lets a verifier limit the number of signatures it tries, against"
                      + " denial of service; nothing asks it to drop the verdicts of the signatures"
                      + " it did try. A signature left untried is reported as RFC 8601 §2.7.1 policy"
                      + " (signed, but not acceptable to the verifier), not as a verdict on it"));

  static List<CorpusCase> cases() {
    TxtResolver dns = Corpora.resolver(CORPUS);
    List<CorpusCase> cases = new ArrayList<>();
    for (Map<String, String> row : Corpora.tsv(CORPUS, "expected.tsv")) {
      String file = row.get("file");
      String expected = row.get("expected");
      String label = "go-msgauth: " + expected;
      switch (file) {
        case "unsigned.eml" -> cases.add(crlf(file, dns).upstream(is("none", label)).build());
        case "verified-rfc6376.eml", "verified-raw-rsa-pkcs1-key.eml" ->
            cases.add(crlf(file, dns).upstream(is("pass", label)).build());
        case "verified-ed25519-rfc8463.eml" ->
            // The zone maps s=test to another key; the Go test asserts the first signature only.
            cases.add(
                crlf(file, dns).scope(Scope.signature(0)).upstream(is("pass", label)).build());
        case "too-many-signatures.eml" ->
            cases.add(
                CorpusCase.named(file, () -> Corpora.bytes(CORPUS, file), dns)
                    .settings(b -> b.maxSignatures(2))
                    .scope(Scope.each())
                    .upstream(
                        new Expectation(
                            label + " -> no verdict for any signature", "error"::equals))
                    .build());
        case "sign-input.eml + rsa-private.pem", "sign-input.eml + ed25519-seed.b64" ->
            // What go-msgauth's signer produces must verify (the row's note: "as a verify
            // vector it must pass").
            cases.add(
                crlf(expected, dns)
                    .upstream(is("pass", "go-msgauth signs " + file + " into it -> pass"))
                    .build());
        default -> {
          // canonicalization and Authentication-Results vectors: not DKIM verify cases
        }
      }
    }
    return cases;
  }

  private static Expectation is(String value, String label) {
    return Expectation.is(value, label.endsWith(value) ? label : label + " -> " + value);
  }

  private static CorpusCase.Builder crlf(String file, TxtResolver dns) {
    return CorpusCase.named(file, () -> Corpora.toCrlf(Corpora.bytes(CORPUS, file)), dns);
  }

  @TestFactory
  Stream<DynamicNode> agreesWithGoMsgauth() {
    return CorpusRun.tests(
        CORPUS,
        cases(),
        DEVIATIONS,
        "canonicalization and Authentication-Results vectors are not verify cases");
  }
}
