package org.dkim4j.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenDKIM through the milter's own code path, its test mode {@code opendkim -t}: it signs when
 * {@code Mode} says so and prints only the DKIM-Signature field; it verifies one signature and
 * prints the result, exiting 0 either way.
 */
final class OpenDkimDriver implements Driver {

  private final Context context;

  OpenDkimDriver(Context context) {
    this.context = context;
  }

  @Override
  public Peer peer() {
    return Peer.OPENDKIM;
  }

  @Override
  public Map<SignJob, String> sign(List<SignJob> jobs) throws IOException {
    Map<SignJob, String> errors = new HashMap<>();
    for (SignJob job : jobs) {
      Path conf = signingConfig(job.variant());
      Exec.Result result =
          Exec.of("opendkim", "-x", conf.toString(), "-t", job.input().toString()).run();
      String out = result.out();
      int field = out.indexOf("DKIM-Signature:");
      if (result.exitCode() != 0 || field < 0) {
        errors.put(job, "exit " + result.exitCode() + ": " + out + " " + result.stderr());
        continue;
      }
      // The field comes LF-folded after "opendkim: FILE:"; give it the message's line endings.
      byte[] message = Files.readAllBytes(job.input());
      String eol = Tamper.lineEnding(message);
      String header = out.substring(field).stripTrailing().replaceAll("\r?\n", eol) + eol;
      ByteArrayOutputStream signed = new ByteArrayOutputStream();
      signed.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
      signed.writeBytes(message);
      Files.write(job.output(), signed.toByteArray());
    }
    return errors;
  }

  private Path signingConfig(Variant v) throws IOException {
    Path conf = context.conf().resolve("opendkim-sign-" + v.fileName() + ".conf");
    if (!Files.exists(conf)) {
      Files.writeString(
          conf,
          String.join(
              "\n",
              "Mode s",
              "Domain " + Keys.DOMAIN,
              "Selector " + v.selector(),
              "KeyFile " + context.keys().pem(v.key()),
              "SignatureAlgorithm " + v.algorithm(),
              "Canonicalization " + v.canonicalization(),
              // Signing asks no DNS; should it ever, only the suite's server.
              "Nameservers 127.0.0.1@" + context.dnsPort(Peer.OPENDKIM),
              // Sign From once more than it occurs: a From added later then breaks the signature.
              "OversignHeaders From",
              // The keys live under the build directory, which OpenDKIM may find too open.
              "RequireSafeKeys no",
              "Syslog no",
              ""),
          StandardCharsets.US_ASCII);
    }
    return conf;
  }

  @Override
  public Map<Path, Verdict> verify(List<Path> files) throws IOException {
    Path conf = context.conf().resolve("opendkim-verify.conf");
    // libunbound would otherwise recurse from the root servers: only the suite's server.
    Files.writeString(
        conf,
        "Mode v\nSyslog no\nNameservers 127.0.0.1@" + context.dnsPort(Peer.OPENDKIM) + "\n",
        StandardCharsets.US_ASCII);
    Map<Path, Verdict> verdicts = new HashMap<>();
    for (Path file : files) {
      String out =
          Exec.of("opendkim", "-x", conf.toString(), "-t", file.toString()).run().out().strip();
      String said =
          out.startsWith("opendkim: " + file + ": ")
              ? out.substring(("opendkim: " + file + ": ").length())
              : out;
      if (said.startsWith("verification (") && said.endsWith(") succeeded")) {
        verdicts.put(file, Verdict.pass(said));
      } else if (!said.isEmpty()) {
        verdicts.put(file, Verdict.fail(said));
      }
    }
    return verdicts;
  }
}
