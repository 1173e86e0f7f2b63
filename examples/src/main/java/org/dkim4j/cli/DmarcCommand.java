package org.dkim4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dmarc.DmarcEvaluation;
import org.dkim4j.dmarc.DmarcEvaluator;
import org.dkim4j.dmarc.DmarcVerdict;
import org.dkim4j.dmarc.OrganizationalDomainStrategy;
import org.dkim4j.dmarc.SpfInput;
import org.dkim4j.dmarc.SpfResult;
import org.dkim4j.dns.TxtResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dkim4j dmarc}: verifies DKIM and evaluates DMARC (RFC 7489, RFC 9989) for each message,
 * printing an Authentication-Results field with the dkim= and dmarc= entries. Exit 0 when every
 * message gets dmarc=pass.
 */
@Command(
    name = "dmarc",
    description =
        "Verify DKIM and evaluate DMARC. Prints an Authentication-Results field per message (or"
            + " JSON). Exit code 0 when every message gets dmarc=pass, 1 otherwise, 2 for usage or"
            + " I/O errors.")
final class DmarcCommand implements Callable<Integer> {

  @Mixin DnsOptions dns = new DnsOptions();

  @Mixin ReportOptions report = new ReportOptions();

  @Option(
      names = "--mail-from",
      paramLabel = "DOMAIN",
      description = "The SMTP MAIL FROM (or HELO) domain that SPF checked.")
  String mailFrom;

  @Option(
      names = "--spf",
      paramLabel = "RESULT",
      description =
          "The SPF result for --mail-from: pass, fail, softfail, neutral, none, temperror, permerror.")
  String spf;

  @Option(
      names = "--psl",
      description =
          "Find organizational domains with the Public Suffix List (RFC 7489) instead of the DNS tree walk (RFC 9989).")
  boolean psl;

  private final Io io;

  DmarcCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    SpfInput spfInput = spfInput();
    TxtResolver resolver = dns.resolver();
    DmarcEvaluator evaluator =
        DmarcEvaluator.builder()
            .resolver(resolver)
            .dkimVerifier(report.verifier(resolver))
            .organizationalDomains(
                psl
                    ? OrganizationalDomainStrategy.publicSuffixList()
                    : OrganizationalDomainStrategy.treeWalk())
            .build();
    boolean allPassed = true;
    for (String file : report.files) {
      DmarcEvaluation evaluation;
      try (InputStream in = io.open(file)) {
        evaluation = evaluator.evaluate(in, spfInput);
      }
      allPassed &= evaluation.verdict().passed();
      io.out()
          .print(
              report.json
                  ? json(file, evaluation) + "\n"
                  : evaluation.authenticationResults(report.authservId).toHeaderField());
    }
    io.out().flush();
    return allPassed ? Main.OK : Main.CHECK_FAILED;
  }

  private SpfInput spfInput() {
    if (mailFrom == null && spf == null) {
      return SpfInput.none();
    }
    if (mailFrom == null || spf == null) {
      throw new IllegalArgumentException("--mail-from and --spf go together");
    }
    try {
      return SpfInput.of(mailFrom, SpfResult.valueOf(spf.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown SPF result '"
              + spf
              + "' (pass, fail, softfail, neutral, none, temperror, permerror)");
    }
  }

  private String json(String file, DmarcEvaluation evaluation) throws IOException {
    DmarcVerdict verdict = evaluation.verdict();
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("file", file);
      g.writeObjectFieldStart("dmarc");
      g.writeStringField("result", verdict.result().resultName());
      g.writeStringField("disposition", verdict.disposition().name().toLowerCase(Locale.ROOT));
      g.writeStringField("authorDomain", verdict.authorDomain().orElse(""));
      g.writeStringField("policyDomain", verdict.policyDomain().orElse(""));
      g.writeStringField(
          "policy", verdict.policy().map(p -> p.name().toLowerCase(Locale.ROOT)).orElse(""));
      g.writeStringField("dkimAlignment", verdict.dkimAlignment().name().toLowerCase(Locale.ROOT));
      g.writeStringField("spfAlignment", verdict.spfAlignment().name().toLowerCase(Locale.ROOT));
      g.writeArrayFieldStart("reasons");
      for (String reason : verdict.reasons()) {
        g.writeString(reason);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("signatures");
      for (DkimResult r : evaluation.dkimResults()) {
        SignatureJson.write(g, r);
      }
      g.writeEndArray();
      g.writeStringField(
          "authenticationResults", evaluation.authenticationResults(report.authservId).format());
      g.writeEndObject();
    }
    return out.toString();
  }
}
