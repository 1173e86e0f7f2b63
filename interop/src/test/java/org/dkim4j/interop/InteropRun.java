package org.dkim4j.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The suite's run inside the private network namespace, where only loopback exists: starts the DNS
 * servers and rspamd, signs every message of the {@link Plan}, makes the tampered copies, has every
 * verifier verify every copy, and writes what each said to {@code observations.tsv}. Judging the
 * results is the test's job ({@link InteropSuiteTest}), outside.
 *
 * <p>{@code java org.dkim4j.interop.InteropRun WORK JAR PEER_SCRIPTS}
 */
public final class InteropRun {

  /** The first DNS port; verifier i gets FIRST_DNS_PORT + i. Nothing listens on 53. */
  static final int FIRST_DNS_PORT = 5301;

  static final String OBSERVATIONS = "observations.tsv";
  static final String VERSIONS = "versions.tsv";
  static final String DNS_QUERIES = "dns-queries.tsv";

  private final long started = System.nanoTime();
  private final Path work;

  private InteropRun(Path work) {
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]).toAbsolutePath();
    new InteropRun(work).run(Path.of(args[1]).toAbsolutePath(), Path.of(args[2]).toAbsolutePath());
  }

  private void run(Path jar, Path peerScripts) throws Exception {
    isolate();
    Files.createDirectories(work.resolve("conf"));
    writeVersions();
    Map<Peer, Integer> ports = new EnumMap<>(Peer.class);
    for (Peer peer : Peer.values()) {
      ports.put(peer, FIRST_DNS_PORT + peer.ordinal());
    }
    try (Rspamd rspamd = Rspamd.start(work.resolve("rspamd"), ports.get(Peer.RSPAMD))) {
      log("rspamd starting");
      Keys keys = Keys.generate(work.resolve("keys"));
      log("keys generated: " + keys.records().size() + " records");
      Map<Peer, DnsServer> dns = new EnumMap<>(Peer.class);
      try {
        for (Peer peer : Peer.values()) {
          dns.put(peer, DnsServer.start(work.resolve("dns"), ports.get(peer), keys.records()));
        }
        log("dnsmasq serving every record on 127.0.0.1 ports " + ports.values());
        Context context = new Context(work, jar, peerScripts, keys, ports, rspamd);
        Map<Peer, Driver> drivers = drivers(context);
        Map<Path, Signed> signed = sign(drivers);
        rspamd.awaitReady(Duration.ofMinutes(5));
        log("rspamd ready");
        List<Observation> observations = verify(drivers, signed);
        Observation.write(work.resolve(OBSERVATIONS), observations);
        writeQueries(dns);
        log("done: " + observations.size() + " verdicts");
      } finally {
        dns.values().forEach(DnsServer::close);
      }
    }
  }

  /** A copy of a signed message to verify. */
  private record Signed(Plan.Row row, Shape shape, Tamper tamper, String signError) {}

  /**
   * Makes sure that this process is in a network namespace of its own (only loopback), brings
   * loopback up, and points resolv.conf (for this namespace only) at 127.0.0.1:53, where nothing
   * listens: a peer that ignores the server it is given fails instead of asking elsewhere.
   */
  private void isolate() throws IOException {
    List<String> interfaces = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/net/dev"))) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        interfaces.add(line.substring(0, colon).strip());
      }
    }
    if (!interfaces.equals(List.of("lo"))) {
      throw new IllegalStateException(
          "not in a private network namespace (interfaces " + interfaces + "); refusing to run");
    }
    Exec.of("ip", "link", "set", "lo", "up").run().requireSuccess();
    Files.createDirectories(work);
    Path resolvConf = work.resolve("resolv.conf");
    Files.writeString(
        resolvConf,
        "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n",
        StandardCharsets.US_ASCII);
    Exec.of("mount", "--bind", resolvConf.toString(), "/etc/resolv.conf").run().requireSuccess();
    // rspamadm writes a small cache file under /var/lib/rspamd whatever its config says: keep it
    // in the run's directory.
    Path rspamdDb = Files.createDirectories(work.resolve("rspamd-db"));
    if (Files.isDirectory(Path.of("/var/lib/rspamd"))) {
      Exec.of("mount", "--bind", rspamdDb.toString(), "/var/lib/rspamd").run().requireSuccess();
    }
    log("isolated: only loopback, resolv.conf -> 127.0.0.1:53 (nothing listens there)");
  }

  private void writeVersions() throws IOException {
    List<String> lines = new ArrayList<>();
    for (Peer peer : Peer.values()) {
      if (peer == Peer.DKIM4J) {
        continue;
      }
      Exec.Result r = Exec.of("dpkg-query", "-W", "-f=${Version}", peer.debianPackage).run();
      lines.add(peer.name() + "\t" + (r.exitCode() == 0 ? r.out().strip() : "?"));
    }
    Files.write(work.resolve(VERSIONS), lines, StandardCharsets.UTF_8);
  }

  private static Map<Peer, Driver> drivers(Context context) {
    Map<Peer, Driver> drivers = new EnumMap<>(Peer.class);
    drivers.put(Peer.DKIM4J, new Dkim4jDriver(context));
    drivers.put(Peer.OPENDKIM, new OpenDkimDriver(context));
    drivers.put(Peer.DKIMPY, new DkimpyDriver(context));
    drivers.put(Peer.MAIL_DKIM, new MailDkimDriver(context));
    drivers.put(Peer.RSPAMD, new RspamdDriver(context));
    return drivers;
  }

  /** Signs every row of the plan, checks each result, and writes the tampered copies. */
  private Map<Path, Signed> sign(Map<Peer, Driver> drivers) throws Exception {
    Path messages = Files.createDirectories(work.resolve("messages"));
    Map<Shape, Path> inputs = new EnumMap<>(Shape.class);
    for (Shape shape : Shape.values()) {
      Path file = messages.resolve(shape.name().toLowerCase(Locale.ROOT) + ".eml");
      Files.write(file, shape.bytes());
      inputs.put(shape, file);
    }
    Map<Peer, List<Driver.SignJob>> jobs = new EnumMap<>(Peer.class);
    Map<Driver.SignJob, Plan.Row> rows = new HashMap<>();
    for (Plan.Row row : Plan.rows()) {
      Path dir =
          Files.createDirectories(
              work.resolve("signed")
                  .resolve(row.signer().name().toLowerCase(Locale.ROOT))
                  .resolve(row.variant().fileName()));
      for (Shape shape : row.shapes()) {
        Path output = dir.resolve(shape.name().toLowerCase(Locale.ROOT) + ".eml");
        Files.deleteIfExists(output);
        Driver.SignJob job =
            new Driver.SignJob(row.signer(), row.variant(), shape, inputs.get(shape), output);
        jobs.computeIfAbsent(row.signer(), k -> new ArrayList<>()).add(job);
        rows.put(job, row);
      }
    }
    Map<Path, Signed> copies = new LinkedHashMap<>();
    for (Map.Entry<Peer, List<Driver.SignJob>> entry : jobs.entrySet()) {
      long t0 = System.nanoTime();
      Map<Driver.SignJob, String> errors = drivers.get(entry.getKey()).sign(entry.getValue());
      for (Driver.SignJob job : entry.getValue()) {
        String error = errors.containsKey(job) ? errors.get(job) : check(job);
        Plan.Row row = rows.get(job);
        if (error != null) {
          copies.put(job.output(), new Signed(row, job.shape(), Tamper.NONE, error));
          continue;
        }
        byte[] signed = Files.readAllBytes(job.output());
        for (Tamper tamper : Tamper.values()) {
          Path copy =
              tamper == Tamper.NONE
                  ? job.output()
                  : Path.of(
                      job.output()
                          .toString()
                          .replace(".eml", "." + tamper.name().toLowerCase(Locale.ROOT) + ".eml"));
          Files.write(copy, tamper.apply(signed));
          copies.put(copy, new Signed(row, job.shape(), tamper, null));
        }
      }
      log(
          entry.getKey().label
              + " signed "
              + (entry.getValue().size() - errors.size())
              + "/"
              + entry.getValue().size()
              + " messages in "
              + seconds(System.nanoTime() - t0));
    }
    return copies;
  }

  /**
   * Checks that a signer did what it was asked: one DKIM-Signature field on top of the message,
   * unchanged, with the requested algorithm, selector and canonicalization. Returns why not.
   */
  private static String check(Driver.SignJob job) throws IOException {
    if (!Files.exists(job.output())) {
      return "no output";
    }
    byte[] signed = Files.readAllBytes(job.output());
    byte[] message = Files.readAllBytes(job.input());
    String top = new String(signed, 0, Math.min(signed.length, 15), StandardCharsets.ISO_8859_1);
    if (!top.equalsIgnoreCase("DKIM-Signature:")) {
      return "output does not start with a DKIM-Signature field";
    }
    if (signed.length < message.length
        || !Arrays.equals(
            signed, signed.length - message.length, signed.length, message, 0, message.length)) {
      return "the message after the signature is not the message given";
    }
    Variant v = job.variant();
    String c = Tamper.signatureTag(signed, "c");
    c = c == null ? "simple/simple" : c.contains("/") ? c : c + "/simple";
    String a = Tamper.signatureTag(signed, "a");
    String s = Tamper.signatureTag(signed, "s");
    if (!v.algorithm().equals(a) || !v.selector().equals(s) || !v.canonicalization().equals(c)) {
      return "signed a=" + a + " s=" + s + " c=" + c + " where " + v.label() + " was asked";
    }
    return null;
  }

  /** Has every verifier verify every copy, two verifiers at a time. */
  private List<Observation> verify(Map<Peer, Driver> drivers, Map<Path, Signed> copies)
      throws Exception {
    List<Path> files = new ArrayList<>();
    copies.forEach(
        (file, copy) -> {
          if (copy.signError == null) {
            files.add(file);
          }
        });
    log("verifying " + files.size() + " copies with each of " + drivers.size() + " verifiers");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Map<Peer, Future<Map<Path, Verdict>>> results = new EnumMap<>(Peer.class);
    try {
      for (Driver driver : drivers.values()) {
        results.put(
            driver.peer(),
            pool.submit(
                () -> {
                  long t0 = System.nanoTime();
                  Map<Path, Verdict> verdicts = driver.verify(files);
                  log(
                      driver.peer().label
                          + " verified "
                          + verdicts.size()
                          + " copies in "
                          + seconds(System.nanoTime() - t0));
                  return verdicts;
                }));
      }
      List<Observation> observations = new ArrayList<>();
      for (Map.Entry<Peer, Future<Map<Path, Verdict>>> result : results.entrySet()) {
        Map<Path, Verdict> verdicts = result.getValue().get();
        copies.forEach(
            (file, copy) -> {
              Verdict verdict =
                  copy.signError != null
                      ? new Verdict(Verdict.Outcome.NOT_SIGNED, copy.signError)
                      : verdicts.getOrDefault(
                          file, new Verdict(Verdict.Outcome.NO_ANSWER, "no answer for " + file));
              observations.add(
                  new Observation(
                      copy.row.signer(),
                      copy.row.variant(),
                      copy.shape,
                      copy.tamper,
                      result.getKey(),
                      verdict));
            });
      }
      return observations;
    } finally {
      pool.shutdownNow();
    }
  }

  private void writeQueries(Map<Peer, DnsServer> dns) throws IOException {
    Map<Peer, DnsQueries> queries = new EnumMap<>(Peer.class);
    for (Map.Entry<Peer, DnsServer> entry : dns.entrySet()) {
      queries.put(
          entry.getKey(),
          entry.getValue().queries(Keys.LARGE_SELECTOR + "._domainkey." + Keys.DOMAIN));
    }
    DnsQueries.write(work.resolve(DNS_QUERIES), queries);
  }

  private void log(String message) {
    synchronized (System.out) {
      System.out.printf("[%6s] %s%n", seconds(System.nanoTime() - started), message);
      System.out.flush();
    }
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
  }
}
