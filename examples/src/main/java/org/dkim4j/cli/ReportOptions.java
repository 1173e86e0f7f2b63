package org.dkim4j.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.dns.TxtResolver;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options shared by the commands that check messages and report on them. */
final class ReportOptions {

  @Option(
      names = "--now",
      paramLabel = "EPOCH_SECONDS",
      description = "Verify as if the time were this (for t= and x=).")
  Long now;

  @Option(
      names = "--authserv-id",
      defaultValue = "dkim4j",
      description =
          "The authserv-id of the Authentication-Results field (default: ${DEFAULT-VALUE}).")
  String authservId;

  @Option(names = "--json", description = "Print one JSON object per message instead.")
  boolean json;

  @Parameters(arity = "0..*", defaultValue = "-", description = "Message files, or - for stdin.")
  List<String> files;

  /** A verifier using {@code resolver}, with the clock fixed when {@code --now} was given. */
  DkimVerifier verifier(TxtResolver resolver) {
    DkimVerifier.Builder builder = DkimVerifier.builder().resolver(resolver);
    if (now != null) {
      builder.clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
    }
    return builder.build();
  }
}
