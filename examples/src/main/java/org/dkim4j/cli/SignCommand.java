package org.dkim4j.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimSigner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dkim4j sign}: prints the message with DKIM-Signature field(s) in front. */
@Command(
    name = "sign",
    description =
        "Sign a message (RFC 6376). Writes the DKIM-Signature field(s) followed by the input,"
            + " unchanged, to standard output. Repeat -d/-s/-k to add several signatures.")
final class SignCommand implements Callable<Integer> {

  static final class Key {
    @Option(
        names = {"-d", "--domain"},
        required = true,
        description = "Signing domain (d=).")
    String domain;

    @Option(
        names = {"-s", "--selector"},
        required = true,
        description = "Selector (s=).")
    String selector;

    @Option(
        names = {"-k", "--key"},
        required = true,
        description = "Private key file: PEM (PKCS#8 or PKCS#1) or an Ed25519 seed in base64.")
    Path key;

    @Option(
        names = {"-a", "--algorithm"},
        description = "rsa-sha256 or ed25519-sha256; must match the key (default: from the key).")
    String algorithm;
  }

  @ArgGroup(exclusive = false, multiplicity = "1..*")
  List<Key> keys;

  @Option(
      names = {"-c", "--canonicalization"},
      defaultValue = "relaxed/relaxed",
      description = "Header/body canonicalization (default: ${DEFAULT-VALUE}).")
  String canonicalization;

  @Option(names = "--headers", description = "Colon-separated header fields to sign (h=).")
  String headers;

  @Option(
      names = "--oversign",
      description = "Colon-separated fields to oversign (default: From; empty for none).")
  String oversign;

  @Option(names = "--expire", description = "Add x= this many seconds after signing.")
  Long expire;

  @Parameters(arity = "0..1", defaultValue = "-", description = "Message file, or - for stdin.")
  String file;

  private final Io io;

  SignCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    Canonicalization[] c = parseCanonicalization(canonicalization);
    DkimSigner signer = null;
    for (Key key : keys) {
      SigningKey signingKey = SigningKey.fromFile(key.key);
      if (key.algorithm != null
          && !key.algorithm.equalsIgnoreCase(signingKey.algorithm().tagValue())) {
        throw new IllegalArgumentException(
            key.key
                + " is a "
                + signingKey.type().tagValue()
                + " key, which cannot sign "
                + key.algorithm);
      }
      DkimSigner.Builder builder =
          DkimSigner.builder()
              .domain(key.domain)
              .selector(key.selector)
              .key(signingKey)
              .canonicalization(c[0], c[1]);
      if (headers != null) {
        builder.signedHeaders(names(headers));
      }
      if (oversign != null) {
        builder.oversignedHeaders(names(oversign));
      }
      if (expire != null) {
        builder.expiration(Duration.ofSeconds(expire));
      }
      signer = signer == null ? builder.build() : signer.and(builder.build());
    }
    byte[] message = io.read(file);
    io.out().write(signer.sign(message));
    io.out().flush();
    return Main.OK;
  }

  static List<String> names(String colonSeparated) {
    return colonSeparated.isBlank()
        ? List.of()
        : List.of(colonSeparated.strip().split("\\s*:\\s*"));
  }

  static Canonicalization[] parseCanonicalization(String value) {
    String[] parts = value.split("/", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException("invalid canonicalization: " + value);
    }
    Canonicalization header = Canonicalization.parse(parts[0]);
    Canonicalization body =
        parts.length == 2 ? Canonicalization.parse(parts[1]) : Canonicalization.SIMPLE;
    return new Canonicalization[] {header, body};
  }
}
