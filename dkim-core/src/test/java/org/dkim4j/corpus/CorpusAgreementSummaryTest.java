package org.dkim4j.corpus;

import java.util.List;
import java.util.Locale;
import org.dkim4j.testing.Corpora;
import org.junit.jupiter.api.Test;

/**
 * Prints, in the build log, how far our verifier agrees with each corpus and with all of them
 * together. It fails nothing itself: each corpus test fails on its own unexplained disagreements.
 */
class CorpusAgreementSummaryTest {

  @Test
  void printsTheAgreementOverAllCorpora() {
    Corpora.root(); // skips (or fails in CI) without the corpora
    List<CorpusRun.Tally> tallies =
        List.of(
            CorpusRun.tally(
                MailDkimCorpusTest.CORPUS,
                MailDkimCorpusTest.cases(),
                MailDkimCorpusTest.DEVIATIONS,
                ""),
            CorpusRun.tally(
                OpenDkimCorpusTest.CORPUS,
                OpenDkimCorpusTest.cases(),
                OpenDkimCorpusTest.DEVIATIONS,
                ""),
            CorpusRun.tally(
                DkimpyCorpusTest.CORPUS, DkimpyCorpusTest.cases(), DkimpyCorpusTest.DEVIATIONS, ""),
            CorpusRun.tally(
                GoMsgauthCorpusTest.CORPUS,
                GoMsgauthCorpusTest.cases(),
                GoMsgauthCorpusTest.DEVIATIONS,
                ""),
            CorpusRun.tally(
                MailAuthCorpusTest.CORPUS,
                MailAuthCorpusTest.cases(),
                MailAuthCorpusTest.DEVIATIONS,
                ""),
            CorpusRun.tally(
                RspamdCorpusTest.CORPUS, RspamdCorpusTest.cases(), RspamdCorpusTest.DEVIATIONS, ""),
            CorpusRun.tally(
                RfcExamplesCorpusTest.CORPUS,
                RfcExamplesCorpusTest.cases(),
                RfcExamplesCorpusTest.DEVIATIONS,
                ""));
    int cases = 0;
    int agree = 0;
    int documented = 0;
    int unexplained = 0;
    StringBuilder out = new StringBuilder("DKIM corpus agreement\n");
    for (CorpusRun.Tally tally : tallies) {
      out.append("  ").append(tally.line()).append('\n');
      cases += tally.cases;
      agree += tally.agree;
      documented += tally.documented;
      unexplained += tally.unexplained;
    }
    out.append(
        String.format(
            Locale.ROOT,
            "  corpus total: %d cases, %d agree with upstream (%.1f%%), %d documented deviations"
                + " (%.1f%%), %d unexplained disagreements (%.1f%%)",
            cases,
            agree,
            percent(agree, cases),
            documented,
            percent(documented, cases),
            unexplained,
            percent(unexplained, cases)));
    System.out.println(out);
  }

  private static double percent(int part, int whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
