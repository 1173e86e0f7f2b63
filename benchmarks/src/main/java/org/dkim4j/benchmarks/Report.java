package org.dkim4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs dkim4j, the limit ({@link Limit}, {@link Sha256}) and the Java peers ({@link ApacheJdkim},
 * {@link SimpleJavaMail}) in one JMH run, then dkim4j in turn with the limit ({@link InTurn}) and
 * with Apache jDKIM ({@link PeerInTurn}), with allocation measured per operation ({@code -prof
 * gc}), and writes a Markdown report: throughput, the ratios dkim4j/limit and dkim4j/peer for each
 * workload, and which performance targets the run met. Ratios compare measurements of the same run
 * on the same machine; absolute numbers depend on both.
 *
 * <p>Usage: {@code benchmarks/run.sh [--long] [--forks N] [--rounds N] [--out FILE]}. The default
 * run takes about twenty-five minutes on two cores: one fork, short iterations. {@code --long} runs
 * three forks with longer warm-up and measurement (about an hour and a half), for tighter error
 * bars. {@code --forks N} sets the number of JVMs per benchmark; each fork compiles the code anew,
 * so more forks average out the differences between one compilation and the next. {@code --rounds
 * N} runs the whole suite N times over: JMH runs one benchmark's forks back to back, so a stretch
 * of load from elsewhere on a shared machine falls on one contender; rounds spread each contender
 * over the whole run. Each score is the median over all the measurement iterations of its rounds
 * and forks, which a burst of load that slows one or two of them hardly moves.
 */
public final class Report {

  private static final List<String> SIZES = List.of(Workload.SIZES.split(","));
  private static final List<String> ALGORITHMS = List.of("rsa-sha256", "ed25519-sha256");
  private static final List<String> CANONICALIZATIONS = List.of("relaxed/relaxed", "simple/simple");
  private static final List<String> OPERATIONS = List.of("sign", "verify");

  /** Targets: dkim4j's throughput as a share of the limit's, by message size. */
  private static final Map<String, Double> LIMIT_TARGETS = Map.of("4KB", 0.9, "100KB", 0.75);

  private static final double BODY_TARGET = 0.6;

  /**
   * A dkim4j/limit ratio above this (CPU time) means the run was disturbed: dkim4j does the limit's
   * work and more. Runs on a quiet machine measured up to 1.07, from compiling the same code
   * differently in different forks.
   */
  private static final double IMPOSSIBLE = 1.1;

  private static final double JDKIM_VERIFY_TARGET = 3;
  private static final double JDKIM_SIGN_TARGET = 2;

  /**
   * The heap of every fork: 2 GB, committed and touched before the first iteration, as a server's
   * heap is once it has run a while. Left to grow, the young generation takes fresh pages for most
   * of a fork of a few seconds, and the page faults (seen as a tenth of dkim4j's time at 100 KB in
   * a profile) are charged to whoever allocates, not to the work measured.
   */
  private static final String[] HEAP = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"};

  /**
   * JVMs for each in-turn benchmark, at least. Each compiles the code anew, and the ratio moved by
   * up to 0.06 from one run of a single fork to the next (100 KB Ed25519 relaxed signing spread
   * from 0.73 to 0.79 among three JVMs of one run); the report gives the median over the JVMs and
   * the range. Five make the median the middle of five such draws rather than of three, for about
   * three minutes more.
   */
  private static final int IN_TURN_FORKS = 5;

  private static final String ED25519 = "ed25519-sha256";
  private static final String RSA = "rsa-sha256";
  private static final String RELAXED = "relaxed/relaxed";

  /** How throughput is counted: per second of wall-clock time, or of the thread's CPU time. */
  private enum Metric {
    WALL,
    CPU
  }

  /** Each benchmark's results, one per round. */
  private final Map<String, List<RunResult>> results = new HashMap<>();

  private Report(List<RunResult> runResults) {
    for (RunResult result : runResults) {
      String benchmark = result.getParams().getBenchmark();
      String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1));
      results
          .computeIfAbsent(
              key(
                  name.substring(1),
                  result.getParams().getParam("size"),
                  result.getParams().getParam("algorithm"),
                  result.getParams().getParam("canonicalization")),
              k -> new ArrayList<>())
          .add(result);
    }
  }

  /**
   * Runs the benchmarks and writes the report.
   *
   * @param args {@code --long} for longer runs, {@code --forks N} for N JVMs per benchmark, {@code
   *     --rounds N} to run the suite N times and report medians, {@code --out FILE} for the
   *     report's path (default {@code benchmarks/RESULTS.md})
   */
  public static void main(String[] args) throws RunnerException, IOException {
    boolean longRun = false;
    int forks = 0;
    int rounds = 1;
    Path out = Path.of("benchmarks", "RESULTS.md");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--long" -> longRun = true;
        case "--forks" -> forks = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; usage: Report [--long] [--forks N] [--rounds N] [--out FILE]");
      }
    }
    String loadBefore = loadAverage();
    ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC);
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(
                "org\\.dkim4j\\.benchmarks\\.(Dkim4j|Dkim4jStream|Limit|Sha256|ApacheJdkim|SimpleJavaMail)\\.")
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .jvmArgsAppend(HEAP)
            .resultFormat(ResultFormatType.JSON);
    if (forks < 0) {
      throw new IllegalArgumentException("--forks must be at least 1");
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1");
    }
    if (forks == 0) {
      forks = longRun ? 3 : 1;
    }
    String settings = configure(options, longRun, forks);
    settings = (forks == 1 ? "1 fork, " : forks + " forks, ") + settings;
    if (rounds > 1) {
      settings = rounds + " rounds of " + settings;
    }
    settings += ", each score the median of its measurement iterations";
    Path target = out.toAbsolutePath().resolveSibling("target");
    Files.createDirectories(target);
    List<RunResult> runResults = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      String json = rounds == 1 ? "jmh-result.json" : "jmh-result-" + round + ".json";
      options.result(target.resolve(json).toString());
      runResults.addAll(new Runner(options.build()).run());
    }
    // Once, after the rounds: taken in turn, the two contenders' ratio does not move with the load.
    ChainedOptionsBuilder inTurn =
        new OptionsBuilder()
            .include("org\\.dkim4j\\.benchmarks\\.(InTurn|PeerInTurn)\\.")
            .shouldFailOnError(true)
            .jvmArgsAppend(HEAP)
            .resultFormat(ResultFormatType.JSON)
            .result(target.resolve("jmh-result-in-turn.json").toString());
    // Longer warm-up: one JVM compiles both contenders' code before their turns settle.
    int inTurnForks = Math.max(forks, IN_TURN_FORKS);
    String inTurnSettings = inTurnForks + " forks, ";
    if (longRun) {
      configure(inTurn, inTurnForks, 5, TimeValue.seconds(2), 5, TimeValue.seconds(2));
      inTurnSettings += "5 × 2 s warm-up, 5 × 2 s measurement";
    } else {
      configure(inTurn, inTurnForks, 4, TimeValue.seconds(1), 5, TimeValue.milliseconds(700));
      inTurnSettings += "4 × 1 s warm-up, 5 × 0.7 s measurement";
    }
    runResults.addAll(new Runner(inTurn.build()).run());
    String loadAfter = loadAverage();
    Report report = new Report(runResults);
    String command =
        (longRun ? " --long" : "")
            + (forks != (longRun ? 3 : 1) ? " --forks " + forks : "")
            + (rounds > 1 ? " --rounds " + rounds : "");
    String text = report.markdown(start, command, settings, inTurnSettings, loadBefore, loadAfter);
    Files.writeString(out, text, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(text);
    System.out.println("Written to " + out);
  }

  /** Applies the warm-up and measurement settings of the rounds; returns them in words. */
  private static String configure(ChainedOptionsBuilder options, boolean longRun, int forks) {
    if (longRun) {
      configure(options, forks, 5, TimeValue.seconds(2), 5, TimeValue.seconds(2));
      return "5 × 2 s warm-up, 5 × 2 s measurement";
    }
    configure(options, forks, 2, TimeValue.seconds(1), 3, TimeValue.milliseconds(700));
    return "2 × 1 s warm-up, 3 × 0.7 s measurement";
  }

  private static void configure(
      ChainedOptionsBuilder options,
      int forks,
      int warmups,
      TimeValue warmupTime,
      int measurements,
      TimeValue measurementTime) {
    options
        .forks(forks)
        .warmupIterations(warmups)
        .warmupTime(warmupTime)
        .measurementIterations(measurements)
        .measurementTime(measurementTime);
  }

  private String markdown(
      ZonedDateTime start,
      String command,
      String settings,
      String inTurnSettings,
      String loadBefore,
      String loadAfter) {
    StringBuilder md = new StringBuilder();
    md.append("# dkim4j benchmark results\n\n");
    md.append("Generated by `benchmarks/run.sh")
        .append(command)
        .append("`: one JMH run measured everything below, so the ratios compare like with like.")
        .append(" Absolute numbers depend on the machine; the ratios are what to quote.\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| Date | ")
        .append(start.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append(" |\n");
    md.append("| CPU | ")
        .append(cpuModel())
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores |\n");
    md.append("| JDK | ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.runtime.version"))
        .append(" |\n");
    md.append("| OS | ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.version"))
        .append(" |\n");
    md.append("| Load average (1, 5, 15 min) | before: ")
        .append(loadBefore)
        .append("; after: ")
        .append(loadAfter)
        .append(" |\n");
    md.append("| JMH | ").append(settings).append(", `-prof gc` |\n");
    md.append("| JMH, in turn | ").append(inTurnSettings).append(" |\n");
    md.append("| JVM options | `").append(String.join(" ", HEAP)).append("` |\n\n");
    md.append("## Throughput and ratios\n\n");
    md.append("Operations per second (higher is better). *limit*: JDK SHA-256 over the message")
        .append(" bytes plus one private-key (sign) or public-key (verify) operation, with no")
        .append(" parsing or canonicalization (the JDK's RSA `Signature` objects initialized")
        .append(" with the keys once). A ratio above 1 means dkim4j does more per second.")
        .append(" In brackets: the same ratio from the benchmark thread's CPU time per operation,")
        .append(" which other load on the machine distorts less (it leaves out garbage-collector")
        .append(" threads, which favours the peers, who allocate more). *In turn*: dkim4j and")
        .append(" the limit in one benchmark (`InTurn`), taking turns of 16 operations each, so")
        .append(" that both see the same load, in several JVMs: the median of their ratios, and")
        .append(" in brackets the lowest and highest. Its iterations agree to about 0.02, and one")
        .append(" JVM's ratio moved by up to 0.06 from one run to the next, where the ratio of")
        .append(" separate benchmarks moved by 0.1 to 0.3 on a shared machine. Measured for the")
        .append(" sizes that have a target against the limit.\n\n");
    md.append(
        "| Message | Algorithm | c= | Op | limit | dkim4j | dkim4j / limit | in turn | Apache jDKIM"
            + " | dkim4j / jDKIM | Simple Java Mail | dkim4j / SJM | dkim4j allocation / op |\n");
    md.append("|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (String size : SIZES) {
      for (String algorithm : ALGORITHMS) {
        for (String canonicalization : CANONICALIZATIONS) {
          for (String operation : OPERATIONS) {
            String dkim4j = "Dkim4j." + operation;
            String limit = "Limit." + operation;
            boolean rsa = algorithm.startsWith("rsa");
            String jdkim = rsa ? "ApacheJdkim." + operation : null;
            String sjm = rsa && operation.equals("sign") ? "SimpleJavaMail.sign" : null;
            md.append("| ")
                .append(size.replace("KB", " KB").replace("MB", " MB"))
                .append(" | ")
                .append(algorithm)
                .append(" | ")
                .append(canonicalization)
                .append(" | ")
                .append(operation)
                .append(" | ")
                .append(throughput(score(Metric.WALL, limit, size, algorithm, null)))
                .append(" | ")
                .append(throughput(score(Metric.WALL, dkim4j, size, algorithm, canonicalization)))
                .append(" | ")
                .append(ratios(dkim4j, limit, size, algorithm, canonicalization, true))
                .append(" | ")
                .append(inTurnRange(operation, size, algorithm, canonicalization))
                .append(" | ")
                .append(throughput(score(Metric.WALL, jdkim, size, null, canonicalization)))
                .append(" | ")
                .append(ratios(dkim4j, jdkim, size, algorithm, canonicalization, false))
                .append(" | ")
                .append(throughput(score(Metric.WALL, sjm, size, null, canonicalization)))
                .append(" | ")
                .append(ratios(dkim4j, sjm, size, algorithm, canonicalization, false))
                .append(" | ")
                .append(bytes(allocation(dkim4j, size, algorithm, canonicalization)))
                .append(" |\n");
          }
        }
      }
    }
    md.append("\n— : the peer cannot do it. Apache jDKIM 0.5 has no Ed25519; Simple Java Mail")
        .append(" cannot verify, and for Ed25519 asks the JCA for `NONEwithEdDSA`, which neither")
        .append(" the JDK nor Bouncy Castle provides.\n\n");
    md.append("## Body canonicalization and hashing at 10 MB\n\n");
    md.append("dkim4j Ed25519 on a 10 MB message (the key operation is under 2% of the time)")
        .append(" against the JDK's SHA-256 over the same bytes in one call.\n\n");
    md.append("| c= | Op | dkim4j MB/s | SHA-256 MB/s | ratio |\n|---|---|--:|--:|--:|\n");
    for (String canonicalization : CANONICALIZATIONS) {
      for (String operation : OPERATIONS) {
        md.append("| ")
            .append(canonicalization)
            .append(" | ")
            .append(operation)
            .append(" | ")
            .append(
                megabytes(
                    score(Metric.WALL, "Dkim4j." + operation, "10MB", ED25519, canonicalization)))
            .append(" | ")
            .append(megabytes(score(Metric.WALL, "Sha256.digest", "10MB", null, null)))
            .append(" | ")
            .append(bodyRatios(operation, canonicalization))
            .append(" |\n");
      }
    }
    md.append("\n## From an array or from a stream\n\n");
    md.append("The table above gives dkim4j the message as a `byte[]`, as the limit has it, which")
        .append(" it reads in place. Read from an `InputStream`, each byte is first copied into")
        .append(" the reader's buffer. rsa-sha256, relaxed/relaxed; operations per second.\n\n");
    md.append("| Message | Op | byte[] | InputStream | InputStream / byte[] |\n")
        .append("|---|---|--:|--:|--:|\n");
    for (String size : SIZES) {
      for (String operation : OPERATIONS) {
        md.append("| ")
            .append(size.replace("KB", " KB").replace("MB", " MB"))
            .append(" | ")
            .append(operation)
            .append(" | ")
            .append(throughput(score(Metric.WALL, "Dkim4j." + operation, size, RSA, RELAXED)))
            .append(" | ")
            .append(throughput(score(Metric.WALL, "Dkim4jStream." + operation, size, RSA, RELAXED)))
            .append(" | ")
            .append(streamRatios(operation, size))
            .append(" |\n");
      }
    }
    md.append("\n## Targets\n\n");
    List<String> impossible = impossibleRatios();
    if (!impossible.isEmpty()) {
      md.append("**This run was disturbed.** dkim4j does all the work of the limit and more, so")
          .append(" it cannot be more than a little faster; this run measured it more than ")
          .append(ratio(IMPOSSIBLE))
          .append(" × the limit in ")
          .append(String.join(", ", impossible))
          .append(". Other load on the machine changed between benchmarks: run it again.\n\n");
    }
    md.append("The lowest ratio among the workloads each target covers: by wall-clock throughput,")
        .append(" by CPU time per operation, and in turn. The first two compare benchmarks run")
        .append(" minutes apart. The CPU-time ratio leaves out time the benchmark thread did not")
        .append(" run, but not a machine that runs slower for a while, as a shared one does when")
        .append(" other work on it is busy. In turn, the two contenders share the machine a few")
        .append(" milliseconds at a time, so the targets against the limit are judged by that")
        .append(" column; the targets against jDKIM, by all three.\n\n");
    md.append(
        "| Target | Lowest ratio, wall clock | Met | Lowest ratio, CPU time | Met"
            + " | Lowest ratio, in turn | Met |\n"
            + "|---|--:|---|--:|---|--:|---|\n");
    for (String size : List.of("4KB", "100KB")) {
      double target = LIMIT_TARGETS.get(size);
      double[] lowest = {
        Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY
      };
      for (String algorithm : ALGORITHMS) {
        for (String canonicalization : CANONICALIZATIONS) {
          for (String operation : OPERATIONS) {
            lowest[2] = Math.min(lowest[2], inTurn(operation, size, algorithm, canonicalization));
            for (Metric metric : Metric.values()) {
              lowest[metric.ordinal()] =
                  Math.min(
                      lowest[metric.ordinal()],
                      score(metric, "Dkim4j." + operation, size, algorithm, canonicalization)
                          / score(metric, "Limit." + operation, size, algorithm, null));
            }
          }
        }
      }
      target(
          md,
          "dkim4j sign and verify ≥ " + target + " × limit, " + size.replace("KB", " KB"),
          lowest,
          target);
    }
    double[] lowestBody = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    for (String canonicalization : CANONICALIZATIONS) {
      for (String operation : OPERATIONS) {
        for (Metric metric : Metric.values()) {
          lowestBody[metric.ordinal()] =
              Math.min(
                  lowestBody[metric.ordinal()],
                  score(metric, "Dkim4j." + operation, "10MB", ED25519, canonicalization)
                      / score(metric, "Sha256.digest", "10MB", null, null));
        }
      }
    }
    target(
        md,
        "body canonicalization + hashing ≥ " + BODY_TARGET + " × SHA-256, 10 MB",
        lowestBody,
        BODY_TARGET);
    for (String operation : OPERATIONS) {
      double target = operation.equals("verify") ? JDKIM_VERIFY_TARGET : JDKIM_SIGN_TARGET;
      double[] lowest = {
        Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY
      };
      for (String canonicalization : CANONICALIZATIONS) {
        lowest[2] = Math.min(lowest[2], peerInTurn(operation, canonicalization));
        for (Metric metric : Metric.values()) {
          lowest[metric.ordinal()] =
              Math.min(
                  lowest[metric.ordinal()],
                  score(metric, "Dkim4j." + operation, "100KB", "rsa-sha256", canonicalization)
                      / score(metric, "ApacheJdkim." + operation, "100KB", null, canonicalization));
        }
      }
      target(
          md,
          "dkim4j " + operation + " ≥ " + (int) target + " × Apache jDKIM, 100 KB rsa-sha256",
          lowest,
          target);
    }
    md.append("\n## What is measured\n\n");
    md.append(
        """
        - **Messages** (`Messages`): a header of 15 fields as a message has after two hops \
        (two Received, folded List-Unsubscribe and Content-Type), and a multipart/mixed body: \
        format=flowed text (lines ending in a space) and a base64 attachment, 4,096, 102,400 or \
        10,485,760 bytes in all.
        - **dkim4j** (`Dkim4j`): `DkimSigner.signatureFields(byte[])` and \
        `DkimVerifier.verify(byte[])` with their defaults (10 fields signed here, and From \
        oversigned), reading the message in place; `Dkim4jStream` reads it from an \
        `InputStream`. The verifier gets the key record from an `InMemoryTxtResolver`, so DNS is \
        out of the measurement. It parses each record and decodes its key once and keeps them, so \
        this is mail from a signer seen before; the first message under a new key costs one key \
        decoding more (for Ed25519 about as much as one more verification).
        - **limit** (`Limit`): `MessageDigest` SHA-256 over the message bytes in one call (to \
        verify, the signed message dkim4j is given, its DKIM-Signature field included), then \
        one operation: JDK `NONEwithRSA` over the DigestInfo for RSA-2048, Bouncy Castle's \
        `Ed25519` with the public point decoded ahead of time for Ed25519 (the fastest back-ends \
        measured by `SignatureBackends`).
        - **in turn** (`InTurn`): dkim4j and the limit in one JVM, taking turns of 16 \
        operations each, in alternating order, each turn timed with `System.nanoTime`; the ratio \
        is the limit's summed time over dkim4j's in each JVM. Run once after the rounds, in \
        several JVMs (*JMH, in turn* above); the targets take the median over the JVMs. Both \
        contenders share one compilation of the code \
        they have in common (SHA-256, the key operation) and one machine state, where the \
        separate benchmarks each have their own JVM; the two ratios can differ for that reason \
        too.
        - **Apache jDKIM 0.5** (`ApacheJdkim`): `DKIMSigner.sign(InputStream)` with the same \
        `h=` list as dkim4j, and `DKIMVerifier.verify(InputStream)` of dkim4j's signature, the \
        key record from memory. For the targets against it, `PeerInTurn` also measures dkim4j \
        and jDKIM in turn on 100 KB rsa-sha256, as `InTurn` does with the limit.
        - **Simple Java Mail utils-mail-dkim 3.2.2** (`SimpleJavaMail`): `DkimMessage.writeTo` \
        of a message parsed once outside the measurement, so only its signing and writing are \
        counted.
        - Each contender's signature is checked at set-up: dkim4j verifies the peers' \
        signatures, and jDKIM verifies dkim4j's.

        Memory is not timed here: `LargeMessageTest` in dkim-core signs and verifies a 50 MB \
        message in its own JVM with `-Xmx32m`, as part of `./mvnw verify`, so neither path holds \
        the body in memory.
        """);
    return md.toString();
  }

  /**
   * One row of the targets table: the lowest ratio by wall clock, by CPU time and, where measured,
   * in turn ({@code lowest[2]}).
   */
  private static void target(StringBuilder md, String name, double[] lowest, double target) {
    md.append("| ").append(name);
    for (int i = 0; i < 3; i++) {
      double ratio = i < lowest.length ? lowest[i] : Double.NaN;
      md.append(" | ")
          .append(ratio(ratio))
          .append(" | ")
          .append(Double.isNaN(ratio) ? "—" : ratio >= target ? "yes" : "**no**");
    }
    md.append(" |\n");
  }

  /**
   * dkim4j's throughput over the limit's, from {@link InTurn}'s times: the limit's time over
   * dkim4j's, summed over the same iterations; NaN when not measured.
   */
  private double inTurn(String operation, String size, String algorithm, String canonicalization) {
    return turnRatio("InTurn." + operation, size, algorithm, canonicalization, "limitNanos");
  }

  /**
   * dkim4j's throughput over Apache jDKIM's on 100 KB rsa-sha256, from {@link PeerInTurn}'s times;
   * NaN when not measured.
   */
  private double peerInTurn(String operation, String canonicalization) {
    return turnRatio("PeerInTurn." + operation, "100KB", null, canonicalization, "jdkimNanos");
  }

  /** The median of the JVMs' in-turn ratios, the lowest and highest in brackets; or "—". */
  private String inTurnRange(
      String operation, String size, String algorithm, String canonicalization) {
    double[] forks =
        forkRatios("InTurn." + operation, size, algorithm, canonicalization, "limitNanos");
    if (forks.length == 0) {
      return "—";
    }
    String median = ratio(median(forks));
    return forks.length == 1
        ? median
        : median + " (" + ratio(forks[0]) + "–" + ratio(forks[forks.length - 1]) + ")";
  }

  /**
   * The other contender's summed time over dkim4j's, in a benchmark that times both in turn: the
   * median over its JVMs; NaN when not measured.
   */
  private double turnRatio(
      String benchmark, String size, String algorithm, String canonicalization, String other) {
    double[] forks = forkRatios(benchmark, size, algorithm, canonicalization, other);
    return forks.length == 0 ? Double.NaN : median(forks);
  }

  /** The ratio {@link #turnRatio} describes, for each JVM the benchmark ran in, sorted. */
  private double[] forkRatios(
      String benchmark, String size, String algorithm, String canonicalization, String other) {
    List<RunResult> runs = results.get(key(benchmark, size, algorithm, canonicalization));
    if (runs == null) {
      return new double[0];
    }
    return runs.stream()
        .flatMap(run -> run.getBenchmarkResults().stream())
        .mapToDouble(
            fork -> {
              double dkim4j = secondary(fork.getSecondaryResults(), "dkim4jNanos");
              return dkim4j > 0
                  ? secondary(fork.getSecondaryResults(), other) / dkim4j
                  : Double.NaN;
            })
        .filter(ratio -> !Double.isNaN(ratio))
        .sorted()
        .toArray();
  }

  /** dkim4j's ratio to another benchmark, by throughput and (in brackets) by CPU time. */
  private String ratios(
      String dkim4j,
      String other,
      String size,
      String algorithm,
      String canonicalization,
      boolean bold) {
    if (other == null) {
      return "—";
    }
    boolean limit = other.startsWith("Limit.");
    String otherAlgorithm = limit ? algorithm : null;
    String otherCanonicalization = limit ? null : canonicalization;
    double wall =
        score(Metric.WALL, dkim4j, size, algorithm, canonicalization)
            / score(Metric.WALL, other, size, otherAlgorithm, otherCanonicalization);
    double cpu =
        score(Metric.CPU, dkim4j, size, algorithm, canonicalization)
            / score(Metric.CPU, other, size, otherAlgorithm, otherCanonicalization);
    String text = bold ? "**" + ratio(wall) + "**" : ratio(wall);
    return text + " (" + ratio(cpu) + ")";
  }

  /**
   * The workloads where dkim4j measured faster than the limit by more than {@link #IMPOSSIBLE}:
   * beyond what differences between one compilation and the next explain.
   */
  private List<String> impossibleRatios() {
    List<String> found = new ArrayList<>();
    for (String size : SIZES) {
      for (String algorithm : ALGORITHMS) {
        for (String canonicalization : CANONICALIZATIONS) {
          for (String operation : OPERATIONS) {
            double ratio =
                score(Metric.CPU, "Dkim4j." + operation, size, algorithm, canonicalization)
                    / score(Metric.CPU, "Limit." + operation, size, algorithm, null);
            if (ratio > IMPOSSIBLE) {
              found.add(
                  size.replace("KB", " KB").replace("MB", " MB")
                      + " "
                      + algorithm
                      + " "
                      + canonicalization
                      + " "
                      + operation
                      + " ("
                      + ratio(ratio)
                      + ")");
            }
          }
        }
      }
    }
    return found;
  }

  private String streamRatios(String operation, String size) {
    String[] parts = new String[2];
    for (Metric metric : Metric.values()) {
      parts[metric.ordinal()] =
          ratio(
              score(metric, "Dkim4jStream." + operation, size, RSA, RELAXED)
                  / score(metric, "Dkim4j." + operation, size, RSA, RELAXED));
    }
    return parts[0] + " (" + parts[1] + ")";
  }

  private String bodyRatios(String operation, String canonicalization) {
    String[] parts = new String[2];
    for (Metric metric : Metric.values()) {
      parts[metric.ordinal()] =
          ratio(
              score(metric, "Dkim4j." + operation, "10MB", ED25519, canonicalization)
                  / score(metric, "Sha256.digest", "10MB", null, null));
    }
    return "**" + parts[0] + "** (" + parts[1] + ")";
  }

  private static String key(String benchmark, String size, String algorithm, String canon) {
    return benchmark + "|" + size + "|" + algorithm + "|" + canon;
  }

  /**
   * Operations per second of wall-clock time, or per second of the benchmark thread's CPU time: the
   * median over every measurement iteration of the benchmark's rounds and forks; NaN when not
   * measured.
   */
  private double score(
      Metric metric, String benchmark, String size, String algorithm, String canonicalization) {
    List<RunResult> rounds =
        benchmark == null ? null : results.get(key(benchmark, size, algorithm, canonicalization));
    if (rounds == null) {
      return Double.NaN;
    }
    double[] values =
        rounds.stream()
            .flatMap(round -> round.getBenchmarkResults().stream())
            .flatMap(fork -> fork.getIterationResults().stream())
            .mapToDouble(iteration -> score(metric, iteration))
            .filter(value -> !Double.isNaN(value))
            .sorted()
            .toArray();
    return values.length == 0 ? Double.NaN : median(values);
  }

  /**
   * One measurement iteration's operations per second. The scores above take the median of these
   * over every iteration of every round and fork (nine with three rounds of one fork): a burst of
   * load on a shared machine slows an iteration or two, which moves a mean, and so the mean of a
   * round, far more than the median of them all.
   */
  private static double score(Metric metric, IterationResult iteration) {
    if (metric == Metric.WALL) {
      return iteration.getPrimaryResult().getScore();
    }
    double nanos = secondary(iteration.getSecondaryResults(), "cpuNanos");
    return nanos > 0
        ? secondary(iteration.getSecondaryResults(), "calls") / nanos * 1e9
        : Double.NaN;
  }

  /**
   * A secondary result's score, from the secondary results of a run or of one of its forks (JMH
   * types both maps raw); NaN when there is none of that name.
   */
  private static double secondary(Map<String, ?> results, String name) {
    Result<?> secondary = (Result<?>) results.get(name);
    return secondary == null ? Double.NaN : secondary.getScore();
  }

  /**
   * The median of a benchmark's value over the rounds, with an even number the mean of the middle
   * two; NaN when not measured.
   */
  private double median(
      String benchmark,
      String size,
      String algorithm,
      String canonicalization,
      ToDoubleFunction<RunResult> value) {
    List<RunResult> rounds =
        benchmark == null ? null : results.get(key(benchmark, size, algorithm, canonicalization));
    if (rounds == null) {
      return Double.NaN;
    }
    return median(rounds.stream().mapToDouble(value).sorted().toArray());
  }

  /**
   * The middle of sorted {@code values}, with an even number the mean of the middle two; {@code
   * values} must not be empty.
   */
  private static double median(double[] values) {
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private double allocation(
      String benchmark, String size, String algorithm, String canonicalization) {
    return median(
        benchmark,
        size,
        algorithm,
        canonicalization,
        result -> secondary(result.getSecondaryResults(), "gc.alloc.rate.norm"));
  }

  private static String throughput(double opsPerSecond) {
    if (Double.isNaN(opsPerSecond)) {
      return "—";
    }
    if (opsPerSecond >= 100) {
      return String.format(Locale.ROOT, "%,.0f", opsPerSecond);
    }
    return String.format(Locale.ROOT, "%.3g", opsPerSecond);
  }

  private static String ratio(double ratio) {
    return Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f", ratio);
  }

  private static String megabytes(double opsPerSecond) {
    return String.format(Locale.ROOT, "%,.0f", opsPerSecond * Workload.bytes("10MB") / 1e6);
  }

  private static String bytes(double bytes) {
    if (Double.isNaN(bytes)) {
      return "—";
    }
    if (bytes >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024 * 1024));
    }
    if (bytes >= 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024);
    }
    return String.format(Locale.ROOT, "%.0f B", bytes);
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
