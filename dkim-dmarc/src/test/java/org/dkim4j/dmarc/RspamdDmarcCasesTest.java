package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.dns.TxtLookup;
import org.junit.jupiter.api.Test;

/**
 * rspamd's functional DMARC cases ({@code rspamd/expected-cases.json}, suite 115_dmarc.robot): the
 * real messages, DKIM verified here, with rspamd's fake DNS (the merged-local.conf section) and its
 * 20-entry {@code test_tld.dat} suffix list, so with the RFC 7489 strategy. All 18 agree.
 *
 * <p>rspamd computes SPF itself from the client IP; here {@link #spf} does the same for the only
 * record forms these cases use ({@code ip4:} and {@code all}), and refuses any other.
 */
@SuppressWarnings("unchecked")
class RspamdDmarcCasesTest {

  private static InMemoryTxtResolver resolver() {
    List<String> lines = TestCorpora.lines("rspamd", "dns-records.txt");
    int start = lines.indexOf("# config: merged-local.conf");
    int end = lines.indexOf("# config: plugins.conf");
    InMemoryTxtResolver.Builder builder = InMemoryTxtResolver.builder();
    TestCorpora.addRecords(builder, lines.subList(start, end));
    return builder.build();
  }

  @Test
  void dmarcCasesAgree() throws IOException {
    InMemoryTxtResolver resolver = resolver();
    PublicSuffixList testTld = PublicSuffixList.load(TestCorpora.path("rspamd", "test_tld.dat"));
    DmarcEvaluator evaluator =
        DmarcEvaluator.builder()
            .resolver(resolver)
            .organizationalDomains(OrganizationalDomainStrategy.publicSuffixList(testTld))
            .random(new FixedRandom(99))
            .build();
    List<Object> all =
        (List<Object>) MiniJson.parse(TestCorpora.text("rspamd", "expected-cases.json"));
    List<String> failures = new ArrayList<>();
    int cases = 0;
    for (Object o : all) {
      Map<String, Object> c = (Map<String, Object>) o;
      if (!"115_dmarc.robot".equals(c.get("suite"))) {
        continue;
      }
      cases++;
      byte[] message = TestCorpora.bytes("rspamd", (String) c.get("message"));
      SpfInput spf = spf(resolver, (String) c.get("mail_from"), (String) c.get("ip"));
      DmarcEvaluation evaluation = evaluator.evaluate(message, spf);
      DmarcVerdict verdict = evaluation.verdict();
      for (Object expected : (List<Object>) c.get("expect")) {
        if (!matches((String) expected, verdict)) {
          failures.add(
              c.get("case")
                  + ": expected "
                  + expected
                  + ", got "
                  + verdict
                  + " "
                  + evaluation.dkimResults());
        }
      }
      for (Object unexpected : (List<Object>) c.get("do_not_expect")) {
        if (matches((String) unexpected, verdict)) {
          failures.add(c.get("case") + ": did not expect " + unexpected + ", got " + verdict);
        }
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(18, cases);
  }

  /** rspamd's DMARC symbols, as the corpus manifest maps them to RFC results. */
  private static boolean matches(String symbol, DmarcVerdict verdict) {
    String option = null;
    int paren = symbol.indexOf(" (option ");
    if (paren >= 0) {
      option = symbol.substring(paren + 9, symbol.length() - 1);
      symbol = symbol.substring(0, paren);
    }
    if (option != null && !option.equals(verdict.authorDomain().orElse(""))) {
      return false;
    }
    DmarcResult result = verdict.result();
    Disposition disposition = verdict.disposition();
    return switch (symbol) {
      case "DMARC_POLICY_ALLOW" -> result == DmarcResult.PASS;
      case "DMARC_POLICY_REJECT" -> result == DmarcResult.FAIL && disposition == Disposition.REJECT;
      case "DMARC_POLICY_QUARANTINE" ->
          result == DmarcResult.FAIL && disposition == Disposition.QUARANTINE;
      case "DMARC_POLICY_SOFTFAIL" -> result == DmarcResult.FAIL && disposition == Disposition.NONE;
      case "DMARC_NA" -> result == DmarcResult.NONE;
      case "DMARC_DNSFAIL" -> result == DmarcResult.TEMPERROR;
      default -> throw new AssertionError("unknown symbol " + symbol);
    };
  }

  /** SPF (RFC 7208) for records made only of {@code ip4:} and {@code all} mechanisms. */
  static SpfInput spf(InMemoryTxtResolver resolver, String mailFrom, String ip) {
    if (mailFrom.isEmpty()) {
      return SpfInput.none(); // rspamd's cases give no HELO either
    }
    String domain = mailFrom.substring(mailFrom.indexOf('@') + 1);
    TxtLookup answer = resolver.lookup(domain);
    if (!(answer instanceof TxtLookup.Found found)) {
      return SpfInput.of(domain, SpfResult.NONE);
    }
    List<String> spf =
        found.records().stream()
            .filter(r -> r.toLowerCase(java.util.Locale.ROOT).startsWith("v=spf1 "))
            .toList();
    if (spf.size() != 1) {
      return SpfInput.of(domain, spf.isEmpty() ? SpfResult.NONE : SpfResult.PERMERROR);
    }
    for (String term : spf.get(0).substring(7).trim().split("\\s+")) {
      char qualifier = '+';
      String mechanism = term;
      if ("+-~?".indexOf(term.charAt(0)) >= 0) {
        qualifier = term.charAt(0);
        mechanism = term.substring(1);
      }
      boolean match;
      if (mechanism.equals("all")) {
        match = true;
      } else if (mechanism.startsWith("ip4:") && !mechanism.contains("/")) {
        match = mechanism.substring(4).equals(ip);
      } else {
        throw new AssertionError("this test's SPF does not handle " + term);
      }
      if (match) {
        return SpfInput.of(
            domain,
            switch (qualifier) {
              case '-' -> SpfResult.FAIL;
              case '~' -> SpfResult.SOFTFAIL;
              case '?' -> SpfResult.NEUTRAL;
              default -> SpfResult.PASS;
            });
      }
    }
    return SpfInput.of(domain, SpfResult.NEUTRAL);
  }
}
