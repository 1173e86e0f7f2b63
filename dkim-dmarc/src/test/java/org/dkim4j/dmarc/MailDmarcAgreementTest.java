package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dkim4j.dkim.DkimKeyGenerator;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.GeneratedDkimKey;
import org.dkim4j.dns.DnsJavaResolver;
import org.dkim4j.testing.Dnsmasq;
import org.dkim4j.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second opinion: Mail::DMARC (Debian's {@code libmail-dmarc-perl}, driven by {@code
 * src/test/perl/mail-dmarc-verdicts.pl}) and dkim4j evaluate the same cases against the same
 * loopback DNS server (dnsmasq on 127.0.0.1, started and stopped here) and must give the same
 * result and disposition.
 *
 * <p>Only DMARC is compared. Each message is signed by dkim4j and verified by dkim4j over that DNS
 * server; the same (d=, s=, result) of every signature goes to Mail::DMARC, and both sides get the
 * same SPF result. Both read the same Public Suffix List: the one bundled with dkim4j, plus {@code
 * example}, RFC 2606's reserved top-level domain, so that every case has an Organizational Domain
 * of its own ({@code reject.example}, {@code strict.example}, ...) and no real domain is named.
 *
 * <p>Mail::DMARC implements RFC 7489, so dkim4j runs with its Public Suffix List strategy. Where
 * the two still differ, the case says Mail::DMARC's verdict and why. Every case is also evaluated
 * with dkim4j's default, the RFC 9989 tree walk; where that differs from RFC 7489, the case says so
 * too. Any other difference fails the test. Skipped without Mail::DMARC or dnsmasq (a failure in
 * CI).
 */
class MailDmarcAgreementTest {

  static final String SELECTOR = "s1";
  static final String UNPUBLISHED_SELECTOR = "nokey";

  /** The DMARC records, by name; a name may hold several TXT records. */
  static final Map<String, List<String>> RECORDS = new LinkedHashMap<>();

  static {
    record("_dmarc.none.example", "v=DMARC1; p=none");
    record("_dmarc.quarantine.example", "v=DMARC1; p=quarantine");
    record("_dmarc.reject.example", "v=DMARC1; p=reject");
    record("_dmarc.strict.example", "v=DMARC1; p=reject; adkim=s; aspf=s");
    record("_dmarc.sub.example", "v=DMARC1; p=reject; sp=quarantine");
    record("_dmarc.own.example", "v=DMARC1; p=reject; sp=none");
    record("_dmarc.shop.own.example", "v=DMARC1; p=quarantine");
    record("_dmarc.deep.example", "v=DMARC1; p=reject; sp=quarantine");
    record("_dmarc.team.deep.example", "v=DMARC1; p=none");
    record("_dmarc.pct0.example", "v=DMARC1; p=reject; pct=0");
    record("_dmarc.pct0q.example", "v=DMARC1; p=quarantine; pct=0");
    record("_dmarc.pct100.example", "v=DMARC1; p=reject; pct=100");
    record("_dmarc.bad.example", "v=DMARC1; p=bogus");
    record("_dmarc.badrua.example", "v=DMARC1; p=bogus; rua=mailto:dmarc@badrua.example");
    record("_dmarc.nop.example", "v=DMARC1; rua=mailto:dmarc@nop.example");
    record("_dmarc.multi.example", "v=DMARC1; p=reject");
    record("_dmarc.multi.example", "v=DMARC1; p=none");
    record("_dmarc.multi2.example", "v=DMARC1; p=reject");
    record("_dmarc.dup.multi2.example", "v=DMARC1; p=none");
    record("_dmarc.dup.multi2.example", "v=DMARC1; p=quarantine");
    record("_dmarc.testing.example", "v=DMARC1; p=reject; t=y");
    record("_dmarc.np.example", "v=DMARC1; p=reject; sp=quarantine; np=none");
    record("_dmarc.registry.example", "v=DMARC1; p=reject; psd=y");
    record("_dmarc.lowercase.example", "v=dmarc1; p=reject");
  }

  static void record(String name, String text) {
    RECORDS.computeIfAbsent(name, n -> new ArrayList<>()).add(text);
  }

  /** A DKIM signature on the test message: valid, altered after signing, or with no key. */
  record Signature(String domain, String selector, boolean altered) {}

  /**
   * One case: the From domain, the signatures, the SPF result, dkim4j's verdict (PSL strategy), and
   * where Mail::DMARC or the tree walk gives another verdict, that verdict and why.
   */
  static final class Case {
    final String id;
    final String from;
    final List<Signature> signatures = new ArrayList<>();
    SpfInput spf;
    String expected;
    String mailDmarc;
    String mailDmarcWhy;
    String treeWalk;
    String treeWalkWhy;

    Case(String id, String from) {
      this.id = id;
      this.from = from;
      this.spf = SpfInput.of("other.example", SpfResult.PASS);
    }

    Case dkim(String domain) {
      signatures.add(new Signature(domain, SELECTOR, false));
      return this;
    }

    Case alteredDkim(String domain) {
      signatures.add(new Signature(domain, SELECTOR, true));
      return this;
    }

    Case keylessDkim(String domain) {
      signatures.add(new Signature(domain, UNPUBLISHED_SELECTOR, false));
      return this;
    }

    Case spf(String domain, SpfResult result) {
      this.spf = SpfInput.of(domain, result);
      return this;
    }

    Case expect(String verdict) {
      this.expected = verdict;
      return this;
    }

    Case mailDmarc(String verdict, String why) {
      this.mailDmarc = verdict;
      this.mailDmarcWhy = why;
      return this;
    }

    Case treeWalk(String verdict, String why) {
      this.treeWalk = verdict;
      this.treeWalkWhy = why;
      return this;
    }

    String mailDmarcVerdict() {
      return mailDmarc != null ? mailDmarc : expected;
    }

    String treeWalkVerdict() {
      return treeWalk != null ? treeWalk : expected;
    }
  }

  static Case c(String id, String from) {
    return new Case(id, from);
  }

  /**
   * The cases. Unless set, SPF passed for other.example, which aligns with nothing here, so DKIM
   * decides; verdicts are "result/disposition".
   */
  static final List<Case> CASES =
      List.of(
          // p=none, quarantine, reject
          c("p-none-fails", "none.example").spf("none.example", SpfResult.FAIL).expect("fail/none"),
          c("p-quarantine-altered-dkim", "quarantine.example")
              .alteredDkim("quarantine.example")
              .expect("fail/quarantine"),
          c("p-reject-unsigned", "reject.example").expect("fail/reject"),
          // DKIM: aligned, relaxed, misaligned, failing
          c("dkim-aligned", "reject.example").dkim("reject.example").expect("pass/none"),
          c("dkim-relaxed-subdomain", "reject.example")
              .dkim("mail.reject.example")
              .expect("pass/none"),
          c("dkim-relaxed-sibling", "mail.reject.example")
              .dkim("news.reject.example")
              .expect("pass/none"),
          c("dkim-misaligned", "reject.example").dkim("other.example").expect("fail/reject"),
          c("dkim-public-suffix", "reject.example").dkim("example").expect("fail/reject"),
          c("dkim-no-key", "reject.example").keylessDkim("reject.example").expect("fail/reject"),
          c("dkim-aligned-one-altered", "reject.example")
              .alteredDkim("reject.example")
              .dkim("other.example")
              .expect("fail/reject"),
          c("dkim-aligned-second-of-two", "reject.example")
              .dkim("other.example")
              .dkim("reject.example")
              .expect("pass/none"),
          // SPF: aligned, relaxed, misaligned, failing
          c("spf-aligned", "reject.example")
              .spf("reject.example", SpfResult.PASS)
              .expect("pass/none"),
          c("spf-relaxed-subdomain", "reject.example")
              .spf("bounce.reject.example", SpfResult.PASS)
              .expect("pass/none"),
          c("spf-misaligned", "reject.example")
              .spf("other.example", SpfResult.PASS)
              .expect("fail/reject"),
          c("spf-softfail", "reject.example")
              .spf("reject.example", SpfResult.SOFTFAIL)
              .expect("fail/reject"),
          c("spf-fail-dkim-aligned", "reject.example")
              .spf("reject.example", SpfResult.FAIL)
              .dkim("reject.example")
              .expect("pass/none"),
          // adkim=s, aspf=s
          c("strict-dkim-subdomain", "strict.example")
              .dkim("mail.strict.example")
              .expect("fail/reject"),
          c("strict-dkim-exact", "strict.example").dkim("strict.example").expect("pass/none"),
          c("strict-spf-subdomain", "strict.example")
              .spf("bounce.strict.example", SpfResult.PASS)
              .expect("fail/reject"),
          c("strict-spf-exact", "strict.example")
              .spf("strict.example", SpfResult.PASS)
              .expect("pass/none"),
          c("strict-from-subdomain-exact", "mail.strict.example")
              .dkim("mail.strict.example")
              .expect("pass/none"),
          // Subdomains: the Organizational Domain's record, sp=, a record of their own
          c("sp-for-subdomain", "mail.sub.example")
              .alteredDkim("mail.sub.example")
              .expect("fail/quarantine"),
          c("p-for-organizational-domain", "sub.example").expect("fail/reject"),
          c("subdomain-relaxed-to-parent", "mail.sub.example")
              .dkim("sub.example")
              .expect("pass/none"),
          c("subdomain-own-record", "shop.own.example").expect("fail/quarantine"),
          c("subdomain-of-subdomain", "a.team.deep.example")
              .expect("fail/quarantine")
              .treeWalk(
                  "fail/none",
                  "the tree walk stops at _dmarc.team.deep.example (p=none, so sp=none); RFC 7489"
                      + " asks only the From domain and its Organizational Domain, deep.example"),
          // pct=
          c("pct-0-reject", "pct0.example").expect("fail/quarantine"),
          c("pct-0-quarantine", "pct0q.example").expect("fail/none"),
          c("pct-100", "pct100.example").expect("fail/reject"),
          // No record, malformed records, several records
          c("no-record", "absent.example").expect("none/none"),
          c("no-record-subdomain", "mail.absent.example").expect("none/none"),
          c("malformed-p", "bad.example")
              .expect("permerror/none")
              .mailDmarc(
                  "fail/none",
                  "Mail::DMARC has no permerror result: it ends with its initial 'fail' when the"
                      + " record does not parse; the disposition is the same"),
          // Mail::DMARC agrees, but only because it drops the record and keeps its initial
          // "fail"; dkim4j reads it as p=none because rua= is valid (RFC 7489 6.6.3 step 6).
          c("malformed-p-with-rua", "badrua.example").expect("fail/none"),
          c("missing-p-with-rua", "nop.example").expect("fail/none"),
          c("several-records", "multi.example")
              .expect("none/none")
              .mailDmarc(
                  "fail/none",
                  "RFC 7489 section 6.6.3 step 5: several records end discovery and DMARC does not"
                      + " apply, which is none; Mail::DMARC gives up ('too many policies') with its"
                      + " initial 'fail'; the disposition is the same"),
          c("several-records-at-subdomain", "dup.multi2.example")
              .expect("none/none")
              .mailDmarc(
                  "fail/none",
                  "as for several-records: Mail::DMARC's 'fail' without a policy; both stop there"
                      + " without asking multi2.example")
              .treeWalk(
                  "fail/reject",
                  "RFC 9989's tree walk discards a name with several records and goes on to"
                      + " _dmarc.multi2.example (p=reject, so sp=reject)"),
          c("lowercase-version", "lowercase.example")
              .expect("none/none")
              .mailDmarc(
                  "fail/reject",
                  "RFC 7489's grammar spells v=DMARC1 as %x44 %x4d %x41 %x52 %x43 %x31, case by"
                      + " case, so v=dmarc1 is no DMARC record; Mail::DMARC compares it lowercased"),
          c("from-uppercase", "Reject.EXAMPLE").dkim("reject.example").expect("pass/none"),
          // RFC 9989 tags, which Mail::DMARC predates
          c("testing-t-y", "testing.example")
              .expect("fail/quarantine")
              .mailDmarc(
                  "fail/reject",
                  "t=y (RFC 9989) lowers the disposition one step; Mail::DMARC ignores the tag"),
          c("np-for-non-existent-subdomain", "ghost.np.example")
              .expect("fail/none")
              .mailDmarc(
                  "fail/quarantine",
                  "ghost.np.example is NXDOMAIN, so np=none applies (RFC 9989, first in RFC"
                      + " 9091); Mail::DMARC ignores np= and applies sp=quarantine (it only checks"
                      + " that the From domain or its Organizational Domain exists)"),
          c("psd-registry", "brand.registry.example")
              .dkim("mail.other.registry.example")
              .expect("pass/none")
              .treeWalk(
                  "fail/reject",
                  "_dmarc.registry.example has psd=y, so the tree walk makes brand.registry.example"
                      + " and other.registry.example two Organizational Domains, not aligned; by"
                      + " the PSL both are in registry.example"));

  @TempDir Path dir;

  @Test
  void mailDmarcGivesTheSameVerdicts() throws IOException {
    String perlProgram = ExternalTools.require("perl").toString();
    ExternalTools.Result probe =
        ExternalTools.run(
            dir, Duration.ofSeconds(60), perlProgram, "-MMail::DMARC::PurePerl", "-e", "1");
    if (probe.exitCode() != 0) {
      ExternalTools.missing("Mail::DMARC (Perl)", "libmail-dmarc-perl");
    }
    Path script = Path.of("src/test/perl/mail-dmarc-verdicts.pl").toAbsolutePath();
    assertTrue(Files.isRegularFile(script), script.toString());

    Path psl = writePublicSuffixList();
    Path config = dir.resolve("mail-dmarc.ini");
    Files.writeString(
        config,
        "[dns]\ntimeout = 2\npublic_suffix_list = " + psl + "\n[report_store]\nauto_save = 0\n",
        StandardCharsets.UTF_8);

    GeneratedDkimKey key =
        DkimKeyGenerator.builder().selector(SELECTOR).ed25519().build().generate();
    try (Dnsmasq dns = publish(key).start()) {
      DnsJavaResolver resolver = dns.resolver().build();
      PublicSuffixList list = PublicSuffixList.load(psl);
      DmarcEvaluator rfc7489 =
          DmarcEvaluator.builder()
              .resolver(resolver)
              .organizationalDomains(OrganizationalDomainStrategy.publicSuffixList(list))
              .build();
      DmarcEvaluator rfc9989 = DmarcEvaluator.builder().resolver(resolver).build();

      Map<String, DmarcVerdict> verdicts = new LinkedHashMap<>();
      Map<String, String> treeWalk = new LinkedHashMap<>();
      StringBuilder input = new StringBuilder();
      for (Case c : CASES) {
        byte[] message = message(c, key);
        DmarcEvaluation evaluation = rfc7489.evaluate(message, c.spf);
        verdicts.put(c.id, evaluation.verdict());
        treeWalk.put(c.id, verdict(rfc9989.evaluate(message, c.spf).verdict()));
        List<String> dkim = new ArrayList<>();
        for (DkimResult r : evaluation.dkimResults()) {
          dkim.add(r.domain() + ":" + r.selector() + ":" + r.status().resultName());
        }
        input
            .append(c.id)
            .append('\t')
            .append(c.from)
            .append('\t')
            .append(c.spf.domain())
            .append('\t')
            .append(c.spf.result().resultName())
            .append('\t')
            .append(dkim.isEmpty() ? "-" : String.join(",", dkim))
            .append('\n');
      }
      Path cases = dir.resolve("cases.tsv");
      Files.writeString(cases, input, StandardCharsets.UTF_8);
      ExternalTools.Result perl =
          ExternalTools.run(
              dir,
              Duration.ofMinutes(5),
              cases,
              perlProgram,
              script.toString(),
              Integer.toString(dns.port()),
              config.toString());
      perl.requireSuccess(List.of("perl", script.toString()));
      Map<String, String> mailDmarc = new LinkedHashMap<>();
      for (String line : perl.stdout().split("\n")) {
        String[] fields = line.split("\t", -1);
        mailDmarc.put(fields[0], fields[1] + "/" + fields[2]);
      }

      List<String> problems = new ArrayList<>();
      int agreed = 0;
      StringBuilder table =
          new StringBuilder(
              String.format(
                  "%-30s %-16s %-16s %-16s%n", "case", "dkim4j (PSL)", "Mail::DMARC", "tree walk"));
      for (Case c : CASES) {
        DmarcVerdict v = verdicts.get(c.id);
        String ours = verdict(v);
        String theirs = mailDmarc.get(c.id);
        if (!c.expected.equals(ours)) {
          problems.add(c.id + ": dkim4j (PSL) gave " + ours + ", expected " + c.expected + " " + v);
        }
        if (!c.mailDmarcVerdict().equals(theirs)) {
          problems.add(
              c.id + ": Mail::DMARC gave " + theirs + ", expected " + c.mailDmarcVerdict());
        }
        if (!c.treeWalkVerdict().equals(treeWalk.get(c.id))) {
          problems.add(
              c.id
                  + ": dkim4j (tree walk) gave "
                  + treeWalk.get(c.id)
                  + ", expected "
                  + c.treeWalkVerdict());
        }
        if (ours.equals(theirs)) {
          agreed++;
        }
        table.append(
            String.format("%-30s %-16s %-16s %-16s%n", c.id, ours, theirs, treeWalk.get(c.id)));
      }
      table.append(String.format("Mail::DMARC agrees on %d of %d cases%n", agreed, CASES.size()));
      System.out.print(table);
      if (!problems.isEmpty()) {
        fail(String.join("\n", problems) + "\nMail::DMARC said:\n" + perl.stdout());
      }
      long explained = CASES.stream().filter(c -> c.mailDmarc != null).count();
      assertEquals(CASES.size() - explained, agreed);
      assertTrue(agreed >= 20, "agreement on " + agreed + " cases");
      assertTrue(dns.logLines().stream().anyMatch(l -> l.contains("_dmarc.reject.example")));
    }
  }

  @Test
  void everyDifferenceIsExplainedAndEveryCaseIsDistinct() {
    Set<String> ids = new LinkedHashSet<>();
    for (Case c : CASES) {
      assertTrue(ids.add(c.id), "duplicate case " + c.id);
      assertTrue(c.expected.matches("(pass|fail|none|permerror)/(none|quarantine|reject)"));
      if (c.mailDmarc != null) {
        assertNotEquals(c.expected, c.mailDmarc, c.id);
        assertTrue(c.mailDmarcWhy.length() > 20, c.id);
      }
      if (c.treeWalk != null) {
        assertNotEquals(c.expected, c.treeWalk, c.id);
        assertTrue(c.treeWalkWhy.length() > 20, c.id);
      }
    }
    assertTrue(ids.size() >= 20);
  }

  static String verdict(DmarcVerdict v) {
    return v.result().resultName() + "/" + v.disposition().name().toLowerCase(Locale.ROOT);
  }

  /** The bundled list, and "example" as a public suffix. */
  Path writePublicSuffixList() throws IOException {
    String bundled;
    try (InputStream in = PublicSuffixList.class.getResourceAsStream("public_suffix_list.dat")) {
      assertTrue(in != null, "the bundled Public Suffix List");
      bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path psl = dir.resolve("public_suffix_list.dat");
    Files.writeString(
        psl,
        bundled + "\n// RFC 2606's reserved top-level domain, for this test\nexample\n",
        StandardCharsets.UTF_8);
    return psl;
  }

  /**
   * The zone "example": the DMARC records, the key for every signing domain, and an A record for
   * every From domain and Organizational Domain that exists (Mail::DMARC asks that the From domain
   * or its Organizational Domain exist). ghost.np.example does not.
   */
  Dnsmasq.Builder publish(GeneratedDkimKey key) {
    Dnsmasq.Builder dns = Dnsmasq.builder(dir).zone("example");
    RECORDS.forEach((name, texts) -> texts.forEach(text -> dns.txt(name, text)));
    Set<String> hosts = new LinkedHashSet<>();
    Set<String> signers = new LinkedHashSet<>();
    for (Case c : CASES) {
      if (!c.from.startsWith("ghost.")) {
        hosts.add(c.from);
      }
      String[] labels = c.from.split("\\.");
      hosts.add(labels[labels.length - 2] + ".example");
      for (Signature s : c.signatures) {
        signers.add(s.domain());
      }
    }
    hosts.forEach(h -> dns.host(h, "192.0.2.1"));
    signers.forEach(d -> dns.txt(SELECTOR + "._domainkey." + d, key.recordText()));
    return dns;
  }

  static byte[] message(Case c, GeneratedDkimKey key) {
    byte[] message =
        ("From: Alice <alice@"
                + c.from
                + ">\r\n"
                + "To: Bob <bob@example.org>\r\n"
                + "Subject: case "
                + c.id
                + "\r\n"
                + "\r\n"
                + "Body of case "
                + c.id
                + ".\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    for (Signature s : c.signatures) {
      message =
          DkimSigner.builder()
              .domain(s.domain())
              .selector(s.selector())
              .key(key.signingKey())
              .build()
              .sign(message);
      if (s.altered()) {
        String text = new String(message, StandardCharsets.US_ASCII);
        String altered = text.replace("Body of case", "Altered body of case");
        assertNotEquals(text, altered);
        message = altered.getBytes(StandardCharsets.US_ASCII);
      }
    }
    return message;
  }
}
