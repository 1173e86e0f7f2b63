package org.dkim4j.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The protocol of the peer scripts in {@code src/test/peers}: {@code sign JOBS} with one job a
 * line, and {@code verify PORT FILE...} answering {@code FILE<TAB>pass|fail<TAB>detail}.
 */
final class ScriptedPeer {
  private ScriptedPeer() {}

  static Map<Driver.SignJob, String> sign(
      Context context, List<Driver.SignJob> jobs, List<String> script, Function<Variant, Path> key)
      throws IOException {
    if (jobs.isEmpty()) {
      return Map.of();
    }
    Peer peer = jobs.get(0).signer();
    Path list = context.conf().resolve(peer.name().toLowerCase(Locale.ROOT) + "-sign-jobs.tsv");
    List<String> lines = new ArrayList<>();
    Map<String, Driver.SignJob> byOutput = new HashMap<>();
    for (Driver.SignJob job : jobs) {
      Variant v = job.variant();
      lines.add(
          String.join(
              "\t",
              job.input().toString(),
              job.output().toString(),
              Keys.DOMAIN,
              v.selector(),
              key.apply(v).toString(),
              v.algorithm(),
              v.canonicalization()));
      byOutput.put(job.output().toString(), job);
    }
    Files.write(list, lines, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(script);
    command.addAll(List.of("sign", list.toString()));
    Exec.Result result = Exec.of(command).timeout(Duration.ofMinutes(5)).run().requireSuccess();
    Map<Driver.SignJob, String> errors = new HashMap<>();
    for (String line : result.out().split("\n")) {
      String[] f = line.split("\t", 3);
      if (f.length == 3 && f[1].equals("error") && byOutput.containsKey(f[0])) {
        errors.put(byOutput.get(f[0]), f[2]);
      }
    }
    return errors;
  }

  static Map<Path, Verdict> verify(
      List<String> command, Map<String, String> environment, List<Path> files) {
    Map<Path, Verdict> verdicts = new HashMap<>();
    int batch = 200;
    for (int from = 0; from < files.size(); from += batch) {
      List<String> run = new ArrayList<>(command);
      files.subList(from, Math.min(files.size(), from + batch)).forEach(f -> run.add(f.toString()));
      Exec exec = Exec.of(run).timeout(Duration.ofMinutes(5));
      environment.forEach(exec::env);
      Exec.Result result = exec.run().requireSuccess();
      for (String line : result.out().split("\n")) {
        String[] f = line.split("\t", 3);
        if (f.length == 3) {
          verdicts.put(
              Path.of(f[0]), f[1].equals("pass") ? Verdict.pass(f[2]) : Verdict.fail(f[2]));
        }
      }
    }
    return verdicts;
  }
}
