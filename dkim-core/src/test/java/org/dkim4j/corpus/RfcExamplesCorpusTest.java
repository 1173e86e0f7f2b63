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
 * The examples of RFC 6376 Appendix A and RFC 8463 Appendix A ({@code rfc-examples/}). The files
 * hold the RFC text with LF line ends; the examples are CRLF messages, so they are converted. The
 * expectation of each row is the RFC's (or, for the A.2 text as printed, the corpus's finding that
 * it cannot verify); rows naming a signature compare that signature.
 */
class RfcExamplesCorpusTest {

  static final String CORPUS = "rfc-examples";

  /* DEVIATIONS: none. */
  static final Map<String, Deviation> DEVIATIONS = Deviation.table();

  static List<CorpusCase> cases() {
    TxtResolver dns = Corpora.resolver(CORPUS);
    List<CorpusCase> cases = new ArrayList<>();
    for (Map<String, String> row : Corpora.tsv(CORPUS, "expected.tsv")) {
      String file = row.get("file");
      String signature = row.get("signature");
      String expected = row.get("expected");
      CorpusCase.Builder c;
      if (signature.equals("-")) {
        c = CorpusCase.named(file, () -> Corpora.toCrlf(Corpora.bytes(CORPUS, file)), dns);
      } else {
        String selector = signature.replaceAll(".*\\bs=(\\S+).*", "$1");
        c =
            CorpusCase.named(
                    file + " [s=" + selector + "]",
                    () -> Corpora.toCrlf(Corpora.bytes(CORPUS, file)),
                    dns)
                .title(signature)
                .scope(Scope.selector(selector));
      }
      cases.add(c.upstream(Expectation.is(expected, "expected.tsv: " + expected)).build());
    }
    return cases;
  }

  @TestFactory
  Stream<DynamicNode> agreesWithTheRfcExamples() {
    return CorpusRun.tests(CORPUS, cases(), DEVIATIONS, "");
  }
}
