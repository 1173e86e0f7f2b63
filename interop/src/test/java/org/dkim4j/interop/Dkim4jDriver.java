package org.dkim4j.interop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * dkim4j through its command, {@code java -jar dkim4j.jar}: {@code sign} once per message, {@code
 * verify --json} for many messages at a time.
 */
final class Dkim4jDriver implements Driver {

  private static final int VERIFY_BATCH = 200;

  private final Context context;

  Dkim4jDriver(Context context) {
    this.context = context;
  }

  @Override
  public Peer peer() {
    return Peer.DKIM4J;
  }

  @Override
  public Map<SignJob, String> sign(List<SignJob> jobs) throws Exception {
    Map<SignJob, String> errors = new ConcurrentHashMap<>();
    // One JVM per message: two at a time, as the machine's two cores allow.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (SignJob job : jobs) {
        done.add(pool.submit(() -> signOne(job, errors)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return errors;
  }

  private void signOne(SignJob job, Map<SignJob, String> errors) {
    Variant v = job.variant();
    List<String> command = java(true);
    command.addAll(
        List.of(
            "sign",
            "-d",
            Keys.DOMAIN,
            "-s",
            v.selector(),
            "-k",
            context.keys().pem(v.key()).toString(),
            "-a",
            v.algorithm(),
            "-c",
            v.canonicalization(),
            job.input().toString()));
    Exec.Result result = Exec.of(command).run();
    if (result.exitCode() != 0) {
      errors.put(job, "exit " + result.exitCode() + ": " + result.stderr());
      return;
    }
    try {
      Files.write(job.output(), result.stdout());
    } catch (IOException e) {
      errors.put(job, e.toString());
    }
  }

  @Override
  public Map<Path, Verdict> verify(List<Path> files) throws IOException {
    Map<Path, Verdict> verdicts = new HashMap<>();
    for (int from = 0; from < files.size(); from += VERIFY_BATCH) {
      List<Path> batch = files.subList(from, Math.min(files.size(), from + VERIFY_BATCH));
      List<String> command = java(false);
      command.addAll(
          List.of("verify", "--json", "--dns-server", "127.0.0.1:" + context.dnsPort(Peer.DKIM4J)));
      batch.forEach(f -> command.add(f.toString()));
      Exec.Result result = Exec.of(command).run();
      Map<Path, Verdict> parsed = parse(result.out());
      // The exit code is the command's contract: 0 when every message passed, 1 otherwise.
      boolean allPassed =
          parsed.size() == batch.size() && parsed.values().stream().allMatch(Verdict::passed);
      int expected = allPassed ? 0 : 1;
      if (result.exitCode() != expected) {
        throw new IllegalStateException(
            "dkim4j verify exited with "
                + result.exitCode()
                + " where its output says "
                + expected
                + ": "
                + result.stderr());
      }
      verdicts.putAll(parsed);
    }
    return verdicts;
  }

  private static Map<Path, Verdict> parse(String jsonLines) throws IOException {
    Map<Path, Verdict> verdicts = new HashMap<>();
    JsonFactory json = new JsonFactory();
    for (String line : jsonLines.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String file = null;
      List<String[]> signatures = new ArrayList<>();
      try (JsonParser p = json.createParser(line)) {
        p.nextToken();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          if (field.equals("file")) {
            file = p.getText();
          } else if (field.equals("signatures")) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              String[] signature = new String[2];
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("result")) {
                  signature[0] = p.getText();
                } else if (name.equals("reason")) {
                  signature[1] = p.getText();
                } else {
                  p.skipChildren();
                }
              }
              signatures.add(signature);
            }
          } else {
            p.skipChildren();
          }
        }
      }
      Verdict verdict =
          signatures.size() == 1
              ? new Verdict(Verdict.Outcome.parse(signatures.get(0)[0]), signatures.get(0)[1])
              : new Verdict(
                  Verdict.Outcome.NONE, signatures.size() + " signatures where 1 was expected");
      verdicts.put(Path.of(file), verdict);
    }
    return verdicts;
  }

  /** The java command for the jar; short-lived signing JVMs skip the optimizing compiler. */
  private List<String> java(boolean shortLived) {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.add("-XX:+UseSerialGC");
    if (shortLived) {
      command.add("-XX:TieredStopAtLevel=1");
    }
    command.addAll(List.of("-jar", context.jar().toString()));
    return command;
  }
}
