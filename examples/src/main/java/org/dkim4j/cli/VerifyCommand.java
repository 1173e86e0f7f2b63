package org.dkim4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dkim4j verify}: prints one Authentication-Results field (RFC 8601) per message, or one
 * JSON object per line with {@code --json}. Exit 0 when every message has a passing signature.
 */
@Command(
    name = "verify",
    description =
        "Verify the DKIM signatures of messages. Prints an Authentication-Results field per message"
            + " (or JSON). Exit code 0 when every message has at least one passing signature,"
            + " 1 otherwise, 2 for usage or I/O errors.")
final class VerifyCommand implements Callable<Integer> {

  @Mixin DnsOptions dns = new DnsOptions();

  @Mixin ReportOptions report = new ReportOptions();

  private final Io io;

  VerifyCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    DkimVerifier verifier = report.verifier(dns.resolver());
    boolean allPassed = true;
    for (String file : report.files) {
      DkimResults results;
      try (InputStream in = io.open(file)) {
        results = verifier.verify(in);
      }
      allPassed &= results.anyPassed();
      io.out()
          .print(
              report.json
                  ? json(file, results) + "\n"
                  : results.authenticationResults(report.authservId).toHeaderField());
    }
    io.out().flush();
    return allPassed ? Main.OK : Main.CHECK_FAILED;
  }

  private String json(String file, DkimResults results) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("file", file);
      g.writeStringField("status", results.status().resultName());
      g.writeBooleanField("pass", results.anyPassed());
      g.writeArrayFieldStart("signatures");
      for (DkimResult r : results) {
        SignatureJson.write(g, r);
      }
      g.writeEndArray();
      g.writeStringField(
          "authenticationResults", results.authenticationResults(report.authservId).format());
      g.writeEndObject();
    }
    return out.toString();
  }
}
