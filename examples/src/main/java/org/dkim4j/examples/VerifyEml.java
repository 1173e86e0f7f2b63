package org.dkim4j.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.dns.ZoneFileResolver;

/**
 * Verifies the DKIM signatures of a received message saved as an {@code .eml} file and prints the
 * Authentication-Results a receiving server would add.
 *
 * <pre>
 * java -cp dkim4j.jar org.dkim4j.examples.VerifyEml MESSAGE.eml [ZONE_FILE]
 * </pre>
 *
 * Without a zone file, keys are looked up in the DNS.
 */
public final class VerifyEml {
  private VerifyEml() {}

  /** Runs the example. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: VerifyEml MESSAGE.eml [ZONE_FILE]");
      System.exit(2);
    }
    TxtResolver resolver =
        args.length == 2
            ? ZoneFileResolver.fromFiles(List.of(Path.of(args[1])), null)
            : TxtResolver.system();
    DkimResults results = verify(Path.of(args[0]), resolver);
    System.out.print(results.authenticationResults("example-receiver").toHeaderField());
    System.exit(results.anyPassed() ? 0 : 1);
  }

  /** Verifies the message in {@code file}, reading it once, front to back. */
  public static DkimResults verify(Path file, TxtResolver resolver) throws IOException {
    DkimVerifier verifier = DkimVerifier.builder().resolver(resolver).build();
    try (InputStream in = Files.newInputStream(file)) {
      return verifier.verify(in);
    }
  }
}
