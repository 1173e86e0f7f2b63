package org.dkim4j.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.testing.Corpora;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * rspamd's functional DKIM cases ({@code rspamd/}, {@code cases/116_dkim.robot}): each scan must
 * (or must not) produce some {@code R_DKIM_*} symbols. We map our results to the symbols rspamd
 * would add: pass {@code R_DKIM_ALLOW}, fail {@code R_DKIM_REJECT}, permerror {@code
 * R_DKIM_PERMFAIL}, temperror {@code R_DKIM_TEMPFAIL}, no signature {@code R_DKIM_NA}. rspamd reads
 * the messages (LF) as stored, and so do we; the fake DNS is the {@code plugins.conf} section of
 * {@code dns-records.txt}, the configuration 116_dkim runs with.
 *
 * <p>rspamd checks at most five signatures per message: its two signature-count cases say so (five
 * signatures, the last good one, pass; six, the last good one, do not). We run with that limit.
 */
class RspamdCorpusTest {

  static final String CORPUS = "rspamd";

  /** The signature limit of the 116_dkim suite, as its two signature-count cases show. */
  static final int MAX_SIGNATURES = 5;

  /* DEVIATIONS: none. */
  static final Map<String, Deviation> DEVIATIONS = Deviation.table();

  static List<CorpusCase> cases() {
    TxtResolver dns = Corpora.resolver(CORPUS, "plugins.conf");
    List<CorpusCase> cases = new ArrayList<>();
    for (Map<String, String> row : Corpora.tsv(CORPUS, "expected.tsv")) {
      List<String> expect = symbols(row.get("expect_symbols"));
      List<String> absent = symbols(row.get("do_not_expect"));
      if (Stream.concat(expect.stream(), absent.stream()).noneMatch(s -> s.startsWith("R_DKIM_"))) {
        continue; // a DMARC, SPF or ARC case
      }
      String message = row.get("message");
      String description =
          "rspamd: "
              + (expect.isEmpty() ? "" : "expects " + String.join(" ", expect))
              + (expect.isEmpty() || absent.isEmpty() ? "" : ", ")
              + (absent.isEmpty() ? "" : "does not expect " + String.join(" ", absent));
      cases.add(
          CorpusCase.named(row.get("case"), () -> Corpora.bytes(CORPUS, message), dns)
              .title(message)
              .settings(b -> b.maxSignatures(MAX_SIGNATURES))
              .scope(RspamdCorpusTest::observeSymbols)
              .upstream(
                  new Expectation(
                      description,
                      observed -> {
                        Set<String> produced = Set.of(observed.split(" "));
                        return produced.containsAll(expect)
                            && absent.stream().noneMatch(produced::contains);
                      }))
              .build());
    }
    return cases;
  }

  private static List<String> symbols(String cell) {
    return Arrays.stream(cell.split("\\s+")).filter(s -> s.matches("[A-Z_0-9]+")).toList();
  }

  /** The symbols rspamd would add for our results, sorted; "dkim=policy" has no symbol. */
  static Scope.Observation observeSymbols(org.dkim4j.dkim.DkimResults results, int dnsLookups) {
    Set<String> symbols = new TreeSet<>();
    for (DkimResult result : results) {
      symbols.add(
          switch (result.status()) {
            case PASS -> "R_DKIM_ALLOW";
            case FAIL -> "R_DKIM_REJECT";
            case PERMERROR -> "R_DKIM_PERMFAIL";
            case TEMPERROR -> "R_DKIM_TEMPFAIL";
            default -> "dkim=" + result.status().resultName();
          });
    }
    if (symbols.isEmpty()) {
      symbols.add("R_DKIM_NA");
    }
    return new Scope.Observation(
        symbols.stream().collect(Collectors.joining(" ")), Scope.detail(results));
  }

  @TestFactory
  Stream<DynamicNode> agreesWithRspamd() {
    return CorpusRun.tests(
        CORPUS, cases(), DEVIATIONS, "DMARC, SPF and ARC cases are not DKIM cases");
  }
}
