package org.dkim4j.jakarta;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.jakarta.ReceivedCorpus.Case;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The messages received in {@link SmtpEndToEndTest} (every shape, RSA-2048 and Ed25519, relaxed and
 * simple) verify with three other DKIM implementations, each reading the keys from a file rather
 * than DNS: dkimpy ({@code python3-dkim}), Mail::DKIM ({@code libmail-dkim-perl}) and OpenDKIM
 * ({@code opendkim}, its {@code -t} test mode with {@code TestPublicKeys}).
 *
 * <p>A peer that is not installed skips its tests, or fails them when {@code CI=true}. Known
 * limitations of the peers' Debian 12 versions are expected failures (xfail), printed with the
 * reason.
 */
class PeerVerifiersTest {

  /** A DKIM implementation that verifies the saved messages. */
  enum Peer {
    DKIMPY("dkimpy (python3-dkim)", "/usr/bin/python3", "-c", "import dkim"),
    MAIL_DKIM("Mail::DKIM (libmail-dkim-perl)", "perl", "-MMail::DKIM::Verifier", "-e", "1"),
    OPENDKIM("OpenDKIM (opendkim)", "opendkim", "-V");

    final String label;
    final List<String> probe;

    Peer(String label, String... probe) {
      this.label = label;
      this.probe = List.of(probe);
    }

    /** Returns why this peer cannot verify this message, when that is a known limitation. */
    String knownLimitation(Case c, String detail) {
      if (this == MAIL_DKIM && c.variant().ed25519()) {
        return "Mail::DKIM 1.20230212 (Debian 12) has no ed25519-sha256; it arrived in 1.20230630";
      }
      if (this == OPENDKIM
          && c.variant().canonicalization == Canonicalization.SIMPLE
          && FOLDED_RIGHT_AFTER_COLON.matcher(c.text()).find()
          && detail.contains("signature verification failed")) {
        return "OpenDKIM 2.11.0~beta2 fails simple header canonicalization when a signed field's"
            + " value starts on a continuation line (\"From: \\r\\n\\t=?UTF-8?...\", as Jakarta"
            + " Mail folds a long From); dkimpy, Mail::DKIM and dkim4j pass it";
      }
      return null;
    }
  }

  /** A header field whose first line has no value: {@code "From: \r\n\t..."}. */
  static final Pattern FOLDED_RIGHT_AFTER_COLON = Pattern.compile("(?m)^[!-9;-~]+:[ \t]*\r\n[ \t]");

  /** One peer's verdict on one signature. */
  record Verdict(boolean passed, String detail) {}

  private static final Map<Peer, Map<Path, List<Verdict>>> RESULTS = new EnumMap<>(Peer.class);
  private static final Map<String, String> MATRIX = new TreeMap<>();

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Peer peer : Peer.values()) {
      for (Case c : ReceivedCorpus.get()) {
        cells.add(Arguments.of(peer, c.name(), c));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cells")
  void peerVerifiesTheReceivedMessage(Peer peer, String name, Case received) {
    List<Verdict> verdicts = results(peer).get(received.file().toAbsolutePath());
    if (verdicts == null || verdicts.isEmpty()) {
      record(peer, received, "FAIL");
      fail(peer.label + " gave no result for " + received.file());
    }
    Verdict verdict = verdicts.get(0);
    if (verdicts.size() == 1 && verdict.passed()) {
      record(peer, received, "pass");
      return;
    }
    String limitation = peer.knownLimitation(received, verdict.detail());
    if (limitation != null) {
      // The peer's known limitation is the expected result of this cell: it holds, so the
      // cell passes as an expected failure and the matrix shows it as xfail.
      record(peer, received, "xfail");
      System.out.println(
          "xfail " + peer.label + " " + name + ": " + limitation + " (" + verdict.detail() + ")");
      return;
    }
    record(peer, received, "FAIL");
    fail(peer.label + " did not pass " + name + " (" + received.file() + "): " + verdicts);
  }

  @ParameterizedTest(name = "{0} rejects tampered copies")
  @EnumSource(Peer.class)
  void peerRejectsTamperedCopies(Peer peer) throws IOException {
    Map<Path, List<Verdict>> results = results(peer);
    for (Path file : ReceivedCorpus.tampered()) {
      List<Verdict> verdicts = results.get(file.toAbsolutePath());
      if (verdicts == null || verdicts.isEmpty()) {
        fail(peer.label + " gave no result for " + file);
      }
      for (Verdict verdict : verdicts) {
        if (verdict.passed()) {
          fail(peer.label + " passed a tampered copy, " + file + ": " + verdict.detail());
        }
      }
    }
  }

  private static synchronized void record(Peer peer, Case c, String cell) {
    MATRIX.put(c.variant().label() + "|" + c.shape() + "|" + peer, cell);
  }

  /** Prints the peer matrix: one row per message, one column per peer. */
  @AfterAll
  static void printMatrix() {
    if (MATRIX.isEmpty()) {
      return;
    }
    StringBuilder out = new StringBuilder("\nPeer matrix (rows: key c=/shape):\n");
    out.append(String.format("%-45s", ""));
    for (Peer peer : Peer.values()) {
      out.append(String.format(" %-10s", peer));
    }
    for (Case c : ReceivedCorpus.get()) {
      out.append(String.format("%n%-45s", c.variant().label() + " " + c.shape()));
      for (Peer peer : Peer.values()) {
        String key = c.variant().label() + "|" + c.shape() + "|" + peer;
        out.append(String.format(" %-10s", MATRIX.getOrDefault(key, "skipped")));
      }
    }
    System.out.println(out);
  }

  private static synchronized Map<Path, List<Verdict>> results(Peer peer) {
    Map<Path, List<Verdict>> results = RESULTS.get(peer);
    if (results == null) {
      requireInstalled(peer);
      try {
        results = run(peer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      RESULTS.put(peer, results);
    }
    return results;
  }

  private static void requireInstalled(Peer peer) {
    boolean installed;
    try {
      installed = exec(peer.probe, null).exitCode == 0;
    } catch (IOException e) {
      installed = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      installed = false;
    }
    if (!installed) {
      String message =
          peer.label
              + " is not installed (apt-get install opendkim python3-dkim libmail-dkim-perl):"
              + " its interop tests are skipped";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + " (CI=true, so this is an error)");
      }
      Assumptions.abort(message);
    }
  }

  private static Map<Path, List<Verdict>> run(Peer peer) throws IOException, InterruptedException {
    List<Path> files = new ArrayList<>();
    ReceivedCorpus.get().forEach(c -> files.add(c.file().toAbsolutePath()));
    ReceivedCorpus.tampered().forEach(f -> files.add(f.toAbsolutePath()));
    Path keys = ReceivedCorpus.KEYS.toAbsolutePath();
    List<String> lines = new ArrayList<>();
    switch (peer) {
      case DKIMPY, MAIL_DKIM -> {
        List<String> command = new ArrayList<>();
        if (peer == Peer.DKIMPY) {
          command.addAll(List.of("/usr/bin/python3", script("dkimpy-verify.py")));
        } else {
          command.addAll(List.of("perl", script("maildkim-verify.pl")));
        }
        command.add(keys.toString());
        files.forEach(f -> command.add(f.toString()));
        Exec result = exec(command, null);
        if (result.exitCode != 0) {
          fail(peer.label + " exited with " + result.exitCode + ": " + result.output);
        }
        lines.addAll(result.output.lines().toList());
      }
      case OPENDKIM -> {
        Path config = ReceivedCorpus.DIRECTORY.resolve("opendkim.conf").toAbsolutePath();
        // TestPublicKeys answers key queries from the file. Any other query would go to a
        // loopback port where nothing listens, never to the network.
        Files.writeString(
            config,
            "Mode v\nSyslog no\nTestPublicKeys "
                + keys
                + "\nNameservers 127.0.0.1@"
                + closedPort()
                + "\n",
            StandardCharsets.US_ASCII);
        for (Path path : files) {
          String file = path.toString();
          Exec result = exec(List.of("opendkim", "-x", config.toString(), "-t", file), null);
          String output = result.output.strip();
          boolean passed = output.contains(") succeeded");
          lines.add(file + "\t0\t" + (passed ? "pass" : "fail") + "\t" + output);
        }
      }
      default -> throw new AssertionError(peer);
    }
    Map<Path, List<Verdict>> results = new HashMap<>();
    for (String line : lines) {
      String[] parts = line.split("\t", 4);
      if (parts.length < 4) {
        continue;
      }
      results
          .computeIfAbsent(Path.of(parts[0]), k -> new ArrayList<>())
          .add(new Verdict(parts[2].equals("pass"), parts[3]));
    }
    return results;
  }

  private static String script(String name) {
    return Path.of("src", "test", "peers", name).toAbsolutePath().toString();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private record Exec(int exitCode, String output) {}

  private static Exec exec(List<String> command, Path directory)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    Process process = builder.start();
    CompletableFuture<byte[]> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return process.getInputStream().readAllBytes();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(command + " did not finish within 120 s");
    }
    return new Exec(process.exitValue(), new String(output.join(), StandardCharsets.UTF_8));
  }
}
