package org.dkim4j.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rspamd: {@code rspamadm mime sign} signs (always relaxed/relaxed, several files a call), and the
 * running daemon verifies through {@code rspamc symbols}, its R_DKIM_* symbol being the result.
 */
final class RspamdDriver implements Driver {

  private static final Pattern SECTION =
      Pattern.compile("(?m)^Results for file: (\\S+) \\([0-9.]+ seconds\\)$");
  private static final Pattern SYMBOL =
      Pattern.compile("(?m)^Symbol: ((?:R_DKIM_[A-Z]+|DKIM_TRACE)) \\([^)]*\\)(\\[[^\\]]*\\])?");

  private final Context context;

  RspamdDriver(Context context) {
    this.context = context;
  }

  @Override
  public Peer peer() {
    return Peer.RSPAMD;
  }

  @Override
  public Map<SignJob, String> sign(List<SignJob> jobs) throws IOException {
    Map<Variant, List<SignJob>> byVariant = new LinkedHashMap<>();
    jobs.forEach(j -> byVariant.computeIfAbsent(j.variant(), k -> new ArrayList<>()).add(j));
    Map<SignJob, String> errors = new HashMap<>();
    for (Map.Entry<Variant, List<SignJob>> group : byVariant.entrySet()) {
      Variant v = group.getKey();
      // rspamd takes Ed25519 as a base64 seed (a PKCS#8 PEM makes it abort).
      Path key = v.ed25519() ? context.keys().ed25519Seed() : context.keys().pem(v.key());
      List<String> command =
          new ArrayList<>(
              List.of(
                  "rspamadm",
                  "mime",
                  "-c",
                  context.rspamd().signingConfig().toString(),
                  "sign",
                  "-d",
                  Keys.DOMAIN,
                  "-s",
                  v.selector(),
                  "-k",
                  key.toString()));
      group.getValue().forEach(j -> command.add(j.input().toString()));
      Exec.Result result = Exec.of(command).timeout(Duration.ofMinutes(3)).run();
      // The output is each message in turn, its DKIM-Signature field in front.
      byte[] out = result.stdout();
      int at = 0;
      for (SignJob job : group.getValue()) {
        byte[] message = Files.readAllBytes(job.input());
        int start = indexOf(out, message, at);
        if (result.exitCode() != 0
            || start < 0
            || !new String(out, at, start - at, StandardCharsets.ISO_8859_1)
                .startsWith("DKIM-Signature:")) {
          errors.put(
              job, "exit " + result.exitCode() + ": " + result.stderr() + " " + head(out, at));
          continue;
        }
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.write(out, at, start + message.length - at);
        Files.write(job.output(), signed.toByteArray());
        at = start + message.length;
      }
    }
    return errors;
  }

  @Override
  public Map<Path, Verdict> verify(List<Path> files) {
    Map<Path, Verdict> verdicts = new HashMap<>();
    int batch = 100;
    for (int from = 0; from < files.size(); from += batch) {
      List<String> command =
          new ArrayList<>(List.of("rspamc", "-h", Rspamd.ADDRESS, "-t", "60", "symbols"));
      files
          .subList(from, Math.min(files.size(), from + batch))
          .forEach(f -> command.add(f.toString()));
      String out = Exec.of(command).timeout(Duration.ofMinutes(5)).run().requireSuccess().out();
      // One section a file, in the order rspamd finished them.
      Matcher section = SECTION.matcher(out);
      String file = null;
      int start = 0;
      while (section.find()) {
        if (file != null) {
          verdicts.put(Path.of(file), verdict(out.substring(start, section.start())));
        }
        file = section.group(1);
        start = section.end();
      }
      if (file != null) {
        verdicts.put(Path.of(file), verdict(out.substring(start)));
      }
    }
    return verdicts;
  }

  private static Verdict verdict(String section) {
    Matcher symbol = SYMBOL.matcher(section);
    Verdict.Outcome outcome = null;
    StringBuilder detail = new StringBuilder();
    while (symbol.find()) {
      detail
          .append(symbol.group(1))
          .append(symbol.group(2) == null ? "" : symbol.group(2))
          .append(' ');
      switch (symbol.group(1)) {
        case "R_DKIM_ALLOW" -> outcome = Verdict.Outcome.PASS;
        case "R_DKIM_REJECT" -> outcome = Verdict.Outcome.FAIL;
        case "R_DKIM_PERMFAIL" -> outcome = Verdict.Outcome.PERMERROR;
        case "R_DKIM_TEMPFAIL" -> outcome = Verdict.Outcome.TEMPERROR;
        case "R_DKIM_NA" -> outcome = Verdict.Outcome.NONE;
        default -> {}
      }
    }
    return new Verdict(outcome == null ? Verdict.Outcome.NO_ANSWER : outcome, detail.toString());
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String head(byte[] out, int at) {
    return new String(out, at, Math.min(200, out.length - at), StandardCharsets.UTF_8);
  }
}
