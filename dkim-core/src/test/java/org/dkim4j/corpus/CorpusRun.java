package org.dkim4j.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.dns.TxtResolver;
import org.junit.jupiter.api.DynamicNode;

/**
 * Runs a corpus: one dynamic test per case, then a summary line on standard output.
 *
 * <p>A case <em>agrees</em> when our value meets upstream's expectation and the corpus's RFC-level
 * reading (where it records one). Otherwise the case must be in the corpus's DEVIATIONS table, and
 * we must return exactly what the table says, for the reason it says; anything else fails. A table
 * entry for a case that agrees fails too, so the table never goes stale.
 */
final class CorpusRun {
  private CorpusRun() {}

  enum Kind {
    AGREES,
    DOCUMENTED,
    UNEXPLAINED
  }

  record Outcome(Kind kind, String message, Throwable error) {}

  /** Counts of one corpus run. */
  static final class Tally {
    final String corpus;
    final String note;
    int cases;
    int agree;
    int documented;
    int unexplained;

    Tally(String corpus, String note) {
      this.corpus = corpus;
      this.note = note;
    }

    void add(Outcome outcome) {
      cases++;
      switch (outcome.kind()) {
        case AGREES -> agree++;
        case DOCUMENTED -> documented++;
        case UNEXPLAINED -> unexplained++;
      }
    }

    String line() {
      return "corpus "
          + corpus
          + ": "
          + cases
          + " cases, "
          + agree
          + " agree with upstream, "
          + documented
          + " documented deviations"
          + (unexplained > 0 ? ", " + unexplained + " unexplained disagreements (failing)" : "")
          + (note.isEmpty() ? "" : "; " + note);
    }
  }

  /**
   * Returns one test per case, a check of the DEVIATIONS table, and a last test that prints the
   * summary of the run ({@code note} is appended, e.g. which rows were not compared).
   */
  static Stream<DynamicNode> tests(
      String corpus, List<CorpusCase> cases, Map<String, Deviation> deviations, String note) {
    Tally tally = new Tally(corpus, note);
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(
        dynamicTest(
            "DEVIATIONS names only cases of this corpus", () -> checkTable(cases, deviations)));
    for (CorpusCase c : cases) {
      tests.add(
          dynamicTest(
              c.displayName(),
              () -> {
                Outcome outcome = evaluate(c, deviations.get(c.name));
                tally.add(outcome);
                if (outcome.kind() == Kind.UNEXPLAINED) {
                  fail(outcome.message(), outcome.error());
                }
              }));
    }
    tests.add(dynamicTest("agreement summary", () -> System.out.println(tally.line())));
    return tests.stream();
  }

  /** Evaluates every case without failing, for the summary over all corpora. */
  static Tally tally(
      String corpus, List<CorpusCase> cases, Map<String, Deviation> deviations, String note) {
    Tally tally = new Tally(corpus, note);
    for (CorpusCase c : cases) {
      tally.add(evaluate(c, deviations.get(c.name)));
    }
    return tally;
  }

  static void checkTable(List<CorpusCase> cases, Map<String, Deviation> deviations) {
    Set<String> names = cases.stream().map(c -> c.name).collect(Collectors.toSet());
    List<String> unknown =
        deviations.keySet().stream().filter(n -> !names.contains(n)).collect(Collectors.toList());
    assertTrue(unknown.isEmpty(), "DEVIATIONS names cases that do not exist: " + unknown);
    assertTrue(names.size() == cases.size(), "two cases have the same name; names must be unique");
  }

  /** Compares one case with its corpus expectations and its DEVIATIONS entry, if any. */
  static Outcome evaluate(CorpusCase c, Deviation deviation) {
    Scope.Observation observed;
    try {
      observed = observe(c, null);
    } catch (RuntimeException | Error e) {
      return new Outcome(Kind.UNEXPLAINED, c.name + ": verification threw " + e, e);
    }
    boolean upstreamAgrees = c.upstream.accepts(observed.value());
    boolean rfcAgrees = c.rfc == null || c.rfc.accepts(observed.value());
    String facts =
        "we return "
            + observed.value()
            + " ("
            + observed.detail()
            + "); upstream says "
            + c.upstream
            + (c.rfc == null ? "" : "; the corpus's RFC-level reading is " + c.rfc);
    if (deviation == null) {
      if (upstreamAgrees && rfcAgrees) {
        return new Outcome(Kind.AGREES, "", null);
      }
      return new Outcome(
          Kind.UNEXPLAINED,
          c.name + ": " + facts + ". This disagreement is not in DEVIATIONS.",
          null);
    }
    List<String> problems = new ArrayList<>();
    if (upstreamAgrees && rfcAgrees) {
      problems.add("it is in DEVIATIONS but we now agree: remove the entry");
    }
    if (!deviation.ours.equals(observed.value())) {
      problems.add("DEVIATIONS says we return " + deviation.ours);
    }
    if (deviation.reason != null
        && !observed
            .detail()
            .toLowerCase(Locale.ROOT)
            .contains(deviation.reason.toLowerCase(Locale.ROOT))) {
      problems.add("DEVIATIONS says our reason contains \"" + deviation.reason + "\"");
    }
    if (!c.upstream
        .description()
        .toLowerCase(Locale.ROOT)
        .contains(deviation.upstream.toLowerCase(Locale.ROOT))) {
      problems.add("DEVIATIONS says upstream says \"" + deviation.upstream + "\"");
    }
    if (deviation.recheck != null) {
      Deviation.Recheck recheck = deviation.recheck;
      try {
        Scope.Observation again = observe(c, recheck.settings());
        if (!recheck.expected().equals(again.value())) {
          problems.add(
              "with "
                  + recheck.settingsDescription()
                  + " DEVIATIONS expects "
                  + recheck.expected()
                  + " but we return "
                  + again.value()
                  + " ("
                  + again.detail()
                  + ")");
        }
      } catch (RuntimeException | Error e) {
        return new Outcome(
            Kind.UNEXPLAINED,
            c.name + ": verification with " + recheck.settingsDescription() + " threw " + e,
            e);
      }
    }
    if (problems.isEmpty()) {
      return new Outcome(Kind.DOCUMENTED, "", null);
    }
    return new Outcome(
        Kind.UNEXPLAINED, c.name + ": " + facts + ". " + String.join("; ", problems) + ".", null);
  }

  static Scope.Observation observe(CorpusCase c, UnaryOperator<DkimVerifier.Builder> extra) {
    int[] lookups = {0};
    TxtResolver counting =
        name -> {
          lookups[0]++;
          return c.resolver.lookup(name);
        };
    DkimVerifier.Builder builder = c.settings.apply(DkimVerifier.builder().resolver(counting));
    if (extra != null) {
      builder = extra.apply(builder);
    }
    DkimResults results = builder.build().verify(c.message.get());
    return c.scope.observe(results, lookups[0]);
  }
}
