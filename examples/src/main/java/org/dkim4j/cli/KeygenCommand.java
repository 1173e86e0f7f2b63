package org.dkim4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dkim4j.dkim.DkimKeyGenerator;
import org.dkim4j.dkim.GeneratedDkimKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dkim4j keygen}: writes {@code SELECTOR.private} (PKCS#8 PEM, mode 0600) and {@code
 * SELECTOR.txt} (the TXT record to publish, as a zone-file line), as opendkim-genkey does.
 */
@Command(
    name = "keygen",
    description =
        "Generate a DKIM key: DIR/SELECTOR.private (PKCS#8 PEM, mode 0600) and DIR/SELECTOR.txt"
            + " (the TXT record to publish, as a zone-file line).")
final class KeygenCommand implements Callable<Integer> {

  @Option(
      names = {"-d", "--domain"},
      required = true,
      description = "The signing domain.")
  String domain;

  @Option(
      names = {"-s", "--selector"},
      required = true,
      description = "The selector.")
  String selector;

  @Option(
      names = {"-t", "--type"},
      defaultValue = "rsa",
      description = "rsa or ed25519 (default: ${DEFAULT-VALUE}).")
  String type;

  @Option(
      names = {"-b", "--bits"},
      defaultValue = "2048",
      description = "RSA key size: 1024, 2048, 3072 or 4096 (default: ${DEFAULT-VALUE}).")
  int bits;

  @Option(
      names = {"-D", "--directory"},
      defaultValue = ".",
      description = "Where to write the files (default: the current directory).")
  Path directory;

  @Option(names = "--testing", description = "Publish t=y: the domain is testing DKIM.")
  boolean testing;

  @Option(names = "--strict", description = "Publish t=s: i= must equal d=.")
  boolean strict;

  @Option(names = "--hash-sha256", description = "Publish h=sha256.")
  boolean hashSha256;

  @Option(names = "--email-only", description = "Publish s=email.")
  boolean emailOnly;

  @Option(names = "--note", description = "Publish n= with this note.")
  String note;

  @Option(names = "--force", description = "Overwrite existing files.")
  boolean force;

  private final Io io;

  KeygenCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    DkimKeyGenerator.Builder builder =
        DkimKeyGenerator.builder()
            .domain(domain)
            .selector(selector)
            .testing(testing)
            .strictIdentity(strict);
    switch (type.toLowerCase(java.util.Locale.ROOT)) {
      case "rsa" -> builder.rsa(bits);
      case "ed25519" -> builder.ed25519();
      default ->
          throw new IllegalArgumentException("unknown key type '" + type + "' (rsa, ed25519)");
    }
    if (hashSha256) {
      builder.hashAlgorithms("sha256");
    }
    if (emailOnly) {
      builder.serviceTypes("email");
    }
    if (note != null) {
      builder.notes(note);
    }
    GeneratedDkimKey key = builder.build().generate();
    GeneratedDkimKey.KeyFiles files = key.writeFiles(directory, force);
    io.out().println("private key: " + files.privateKey());
    io.out().println("DNS record:  " + files.record());
    io.out().print(key.zoneLine().endsWith("\n") ? key.zoneLine() : key.zoneLine() + "\n");
    io.out().flush();
    return Main.OK;
  }
}
