package org.dkim4j.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dkim4j.dmarc.DmarcEvaluation;
import org.dkim4j.dmarc.DmarcEvaluator;
import org.dkim4j.dmarc.SpfInput;
import org.dkim4j.dmarc.SpfResult;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.dns.ZoneFileResolver;

/**
 * Verifies DKIM and evaluates DMARC for a received message in one pass, given the SPF result the
 * receiving server got for the envelope sender, and prints the verdict and what to do with it.
 *
 * <pre>
 * java -cp dkim4j.jar org.dkim4j.examples.EvaluateDmarc MESSAGE.eml MAIL_FROM_DOMAIN SPF_RESULT [ZONE_FILE]
 * </pre>
 */
public final class EvaluateDmarc {
  private EvaluateDmarc() {}

  /** Runs the example. */
  public static void main(String[] args) throws IOException {
    if (args.length < 3 || args.length > 4) {
      System.err.println(
          "usage: EvaluateDmarc MESSAGE.eml MAIL_FROM_DOMAIN SPF_RESULT [ZONE_FILE]");
      System.exit(2);
    }
    TxtResolver resolver =
        args.length == 4
            ? ZoneFileResolver.fromFiles(List.of(Path.of(args[3])), null)
            : TxtResolver.system();
    SpfInput spf =
        SpfInput.of(args[1], SpfResult.valueOf(args[2].toUpperCase(java.util.Locale.ROOT)));
    DmarcEvaluation evaluation = evaluate(Path.of(args[0]), spf, resolver);
    System.out.print(evaluation.authenticationResults("example-receiver").toHeaderField());
    System.out.println("disposition: " + evaluation.verdict().disposition());
    evaluation.verdict().reasons().forEach(reason -> System.out.println("  " + reason));
    System.exit(evaluation.verdict().passed() ? 0 : 1);
  }

  /** Evaluates the message in {@code file}: DKIM results and the DMARC verdict. */
  public static DmarcEvaluation evaluate(Path file, SpfInput spf, TxtResolver resolver)
      throws IOException {
    DmarcEvaluator evaluator = DmarcEvaluator.builder().resolver(resolver).build();
    try (InputStream in = Files.newInputStream(file)) {
      return evaluator.evaluate(in, spf);
    }
  }
}
