package org.dkim4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.KeyCheck;
import org.dkim4j.dkim.KeyCheckReport;
import org.dkim4j.dkim.KeyFinding;
import org.dkim4j.dkim.KeyFinding.Severity;
import org.dkim4j.dmarc.DmarcPolicy;
import org.dkim4j.dmarc.DmarcRecord;
import org.dkim4j.dmarc.DmarcRecordException;
import org.dkim4j.dns.TxtLookup;
import org.dkim4j.dns.TxtResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dkim4j check-dns}: checks what a domain publishes for mail authentication — the DKIM key
 * record of a selector (and that it matches a private key), {@code _dmarc}, SPF and the historic
 * {@code _adsp} — and prints each finding with its severity and a fix. Exit 0 when there is no
 * error.
 */
@Command(
    name = "check-dns",
    description =
        "Check a domain's DKIM key record (and that it matches a key file), DMARC, SPF and ADSP"
            + " records. Prints findings with severity and a fix. Exit 0 without errors, 1 with.")
final class CheckDnsCommand implements Callable<Integer> {

  @Mixin DnsOptions dns = new DnsOptions();

  @Option(
      names = {"-d", "--domain"},
      required = true,
      description = "The domain to check.")
  String domain;

  @Option(
      names = {"-s", "--selector"},
      description = "A DKIM selector to check.")
  String selector;

  @Option(
      names = {"-k", "--key"},
      description = "The private key file; checks that the published key is its public half.")
  Path key;

  private final Io io;

  CheckDnsCommand(Io io) {
    this.io = io;
  }

  /** One thing found, with what to do about it. */
  record Finding(Severity severity, String check, String message, String fix) {}

  @Override
  public Integer call() throws Exception {
    if (key != null && selector == null) {
      throw new IllegalArgumentException("-k needs -s: the key is checked against a selector");
    }
    TxtResolver resolver = dns.resolver();
    List<Finding> findings = new ArrayList<>();
    if (selector != null) {
      checkKey(resolver, findings);
    }
    checkDmarc(resolver, findings);
    checkSpf(resolver, findings);
    checkAdsp(resolver, findings);
    findings.sort((a, b) -> a.severity().compareTo(b.severity()));
    if (findings.isEmpty()) {
      io.out().println("OK: no findings for " + domain);
    }
    for (Finding f : findings) {
      io.out().println(f.severity() + " " + f.check() + ": " + f.message());
      if (!f.fix().isEmpty()) {
        io.out().println("    fix: " + f.fix());
      }
    }
    io.out().flush();
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)
        ? Main.CHECK_FAILED
        : Main.OK;
  }

  private void checkKey(TxtResolver resolver, List<Finding> findings) throws Exception {
    KeyCheck check = KeyCheck.using(resolver);
    KeyCheckReport report =
        key == null
            ? check.check(domain, selector)
            : check.check(domain, selector, SigningKey.fromFile(key));
    String name = selector + "._domainkey." + domain;
    for (KeyFinding f : report.findings()) {
      findings.add(new Finding(f.severity(), "DKIM " + name, f.message(), keyFix(f.kind())));
    }
    if (report.findings().isEmpty()) {
      io.out().println("OK DKIM " + name + ": " + report.key().map(Object::toString).orElse(""));
    }
  }

  private String keyFix(KeyFinding.Kind kind) {
    return switch (kind) {
      case MISSING -> "publish the record from SELECTOR.txt (dkim4j keygen writes it)";
      case TEMPORARY_FAILURE -> "check the name servers of " + domain + ", then check again";
      case SYNTAX -> "republish the record exactly as the key generator wrote it";
      case MULTIPLE_RECORDS -> "keep a single TXT record at the selector";
      case REVOKED -> "sign with another selector; this key is revoked";
      case NOT_USABLE -> "remove or fix the k=, h= or s= tag that rules out DKIM email signing";
      case KEY_MISMATCH -> "publish the record of this key (dkim4j keygen, or re-create it)";
      case TESTING -> "remove t=y once signatures verify at the receivers you care about";
      case KEY_SIZE -> "generate a 2048-bit key under a new selector and rotate to it";
    };
  }

  private void checkDmarc(TxtResolver resolver, List<Finding> findings) {
    String name = "_dmarc." + domain;
    TxtLookup lookup = resolver.lookup(name);
    if (lookup instanceof TxtLookup.TemporaryFailure failure) {
      findings.add(
          new Finding(
              Severity.WARNING,
              "DMARC " + name,
              "lookup failed: " + failure.detail(),
              "check again later"));
      return;
    }
    List<String> records =
        lookup instanceof TxtLookup.Found found
            ? found.records().stream().filter(DmarcRecord::isDmarcRecord).toList()
            : List.of();
    if (records.isEmpty()) {
      findings.add(
          new Finding(
              Severity.WARNING,
              "DMARC " + name,
              "no DMARC record",
              "publish \"v=DMARC1; p=none; rua=mailto:dmarc-reports@"
                  + domain
                  + "\" and read the reports"));
      return;
    }
    if (records.size() > 1) {
      findings.add(
          new Finding(
              Severity.ERROR,
              "DMARC " + name,
              records.size() + " DMARC records: receivers apply no policy (RFC 7489 6.6.3)",
              "keep exactly one v=DMARC1 record"));
      return;
    }
    DmarcRecord record;
    try {
      record = DmarcRecord.parse(records.get(0));
    } catch (DmarcRecordException e) {
      findings.add(
          new Finding(Severity.ERROR, "DMARC " + name, e.getMessage(), "fix the tag named"));
      return;
    }
    if (record.policy() == DmarcPolicy.NONE) {
      findings.add(
          new Finding(
              Severity.ADVICE,
              "DMARC " + name,
              "p=none only monitors; nothing is rejected or quarantined",
              "once the reports show your mail passing, move to p=quarantine, then p=reject"));
    }
    if (record.aggregateReportUris().isEmpty()) {
      findings.add(
          new Finding(
              Severity.WARNING,
              "DMARC " + name,
              "no rua=: you receive no aggregate reports",
              "add rua=mailto:dmarc-reports@" + domain));
    }
    if (record.percent() < 100) {
      findings.add(
          new Finding(
              Severity.ADVICE,
              "DMARC " + name,
              "pct=" + record.percent() + ": the policy applies to part of the failing mail only",
              "raise pct to 100 when you are confident"));
    }
    if (record.testing()) {
      findings.add(
          new Finding(
              Severity.ADVICE,
              "DMARC " + name,
              "t=y: the policy is in testing mode",
              "remove t=y"));
    }
  }

  private void checkSpf(TxtResolver resolver, List<Finding> findings) {
    TxtLookup lookup = resolver.lookup(domain);
    if (lookup instanceof TxtLookup.TemporaryFailure failure) {
      findings.add(
          new Finding(
              Severity.WARNING,
              "SPF " + domain,
              "lookup failed: " + failure.detail(),
              "check again later"));
      return;
    }
    List<String> spf =
        lookup instanceof TxtLookup.Found found
            ? found.records().stream()
                .filter(r -> r.toLowerCase(Locale.ROOT).matches("v=spf1( .*)?"))
                .toList()
            : List.of();
    if (spf.isEmpty()) {
      findings.add(
          new Finding(
              Severity.WARNING,
              "SPF " + domain,
              "no SPF record",
              "publish \"v=spf1 mx -all\" (list every host that sends for " + domain + ")"));
    } else if (spf.size() > 1) {
      findings.add(
          new Finding(
              Severity.ERROR,
              "SPF " + domain,
              spf.size() + " SPF records: SPF gives permerror (RFC 7208 4.5)",
              "merge them into one v=spf1 record"));
    }
  }

  private void checkAdsp(TxtResolver resolver, List<Finding> findings) {
    String name = "_adsp._domainkey." + domain;
    if (resolver.lookup(name) instanceof TxtLookup.Found) {
      findings.add(
          new Finding(
              Severity.ADVICE,
              "ADSP " + name,
              "ADSP (RFC 5617) is historic since 2013 and ignored by receivers",
              "delete the record; DMARC replaces it"));
    }
  }
}
