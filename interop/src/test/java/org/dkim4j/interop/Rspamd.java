package org.dkim4j.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real rspamd on 127.0.0.1 with only its DKIM module, asking only its own DNS server. Its first
 * start compiles hyperscan databases for a long while; they are cached under /var/tmp so that later
 * runs start in about a second.
 */
final class Rspamd implements AutoCloseable {

  static final String ADDRESS = "127.0.0.1:11333";

  /**
   * Hyperscan caches kept between runs. The daemon and rspamadm each need their own: on exit, each
   * deletes the files it did not use itself as stale.
   */
  static final Path CACHE = Path.of("/var/tmp/dkim4j-interop");

  private final Path directory;
  private final Process process;

  private Rspamd(Path directory, Process process) {
    this.directory = directory;
    this.process = process;
  }

  /** Starts the daemon; {@link #awaitReady} waits for it. */
  static Rspamd start(Path directory, int dnsPort) throws IOException {
    // Only the suite's server, for the daemon and for rspamadm alike.
    String dns =
        "dns { nameserver = [\"127.0.0.1:" + dnsPort + "\"]; timeout = 3s; retransmits = 2; }";
    Files.createDirectories(directory);
    Path daemonCache = Files.createDirectories(CACHE.resolve("rspamd-hyperscan"));
    Path signingCache = Files.createDirectories(CACHE.resolve("rspamadm-hyperscan"));
    // A C module runs only when listed in filters; "dkim { }" alone loads nothing.
    String conf =
        String.join(
            "\n",
            "options {",
            "  filters = \"dkim\";",
            "  pidfile = \"" + directory.resolve("rspamd.pid") + "\";",
            "  hs_cache_dir = \"" + daemonCache + "\";",
            "  " + dns,
            "}",
            "logging { type = \"file\"; filename = \""
                + directory.resolve("rspamd.log")
                + "\"; level = \"info\"; }",
            "worker \"normal\" { bind_socket = \"" + ADDRESS + "\"; count = 1; }",
            "dkim { trusted_only = false; skip_multi = false; }",
            "");
    Files.writeString(directory.resolve("rspamd.conf"), conf, StandardCharsets.US_ASCII);
    // rspamadm loads the full stock configuration unless given one: this near-empty one keeps it
    // from compiling (and fetching) what signing does not need.
    Files.writeString(
        signingConfig(directory),
        "options { hs_cache_dir = \"" + signingCache + "\"; " + dns + " }\n",
        StandardCharsets.US_ASCII);
    // What the readiness probe asks the daemon to scan.
    Files.writeString(
        probe(directory),
        "From: probe@example.com\r\nSubject: probe\r\n\r\nprobe\r\n",
        StandardCharsets.US_ASCII);
    Process process =
        Exec.of(
                "rspamd",
                "-f",
                "-c",
                directory.resolve("rspamd.conf").toString(),
                "-u",
                "root",
                "-g",
                "root",
                "--insecure")
            .background(directory.resolve("rspamd.out"));
    return new Rspamd(directory, process);
  }

  private static Path probe(Path directory) {
    return directory.resolve("probe.eml");
  }

  static Path signingConfig(Path directory) {
    return directory.resolve("rspamadm.conf");
  }

  Path signingConfig() {
    return signingConfig(directory);
  }

  /** Waits until the daemon answers (the first start ever compiles for a minute or more). */
  void awaitReady(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("rspamd exited; see " + directory.resolve("rspamd.log"));
      }
      // The normal worker answers scans only ("stat" is the controller's).
      Exec.Result scan =
          Exec.of("rspamc", "-h", ADDRESS, "-t", "2", "symbols", probe(directory).toString())
              .timeout(Duration.ofSeconds(10))
              .run();
      if (scan.exitCode() == 0 && scan.out().contains("Results for file")) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "rspamd not ready after " + limit + "; see " + directory.resolve("rspamd.log"));
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void close() {
    Exec.stop(process);
  }
}
