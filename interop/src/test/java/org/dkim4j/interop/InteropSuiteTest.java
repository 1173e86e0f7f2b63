package org.dkim4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The interoperability suite: dkim4j, OpenDKIM, dkimpy, Mail::DKIM and rspamd each sign every
 * message shape with every variant they support, and each of them verifies every result, through a
 * real DNS server on 127.0.0.1, inside a private network namespace ({@link IsolatedRun}). Every
 * cell must pass unless a {@link Known} peer behaviour says otherwise, and every tampered copy must
 * be rejected by every verifier.
 *
 * <p>Needs root on Debian 12 (it installs the peers when missing); skipped otherwise, or failed
 * when {@code CI=true}. One dynamic test per signer row and verifier; the matrix is printed.
 */
class InteropSuiteTest {

  @TestFactory
  Stream<DynamicNode> everySignerVerifiedByEveryVerifier() throws Exception {
    long started = System.nanoTime();
    Path jar = property("dkim4j.jar");
    Path work = property("interop.work");
    Prerequisites.check(jar);
    Prerequisites.installMissingPackages();
    IsolatedRun.run(work, jar, property("interop.peers"), Duration.ofMinutes(20));

    List<Judged> judged =
        Observation.read(work.resolve(InteropRun.OBSERVATIONS)).stream().map(Judged::of).toList();
    Map<Peer, DnsQueries> dns = DnsQueries.read(work.resolve(InteropRun.DNS_QUERIES));
    Matrix matrix = new Matrix(judged, versions(work), dns);
    String report =
        matrix.render()
            + String.format(
                Locale.ROOT,
                "wall time: %.1f s (peer check and install, namespace run, judging)%n",
                (System.nanoTime() - started) / 1e9);
    System.out.println(report);
    Files.writeString(work.resolve("matrix.txt"), report, StandardCharsets.UTF_8);

    List<DynamicNode> signers = new ArrayList<>();
    for (Peer signer : Peer.values()) {
      List<DynamicNode> cells = new ArrayList<>();
      for (Plan.Row row : Plan.rows()) {
        if (row.signer() != signer) {
          continue;
        }
        for (Peer verifier : Peer.values()) {
          List<Judged> cell =
              judged.stream()
                  .filter(
                      j ->
                          j.observation().signer() == signer
                              && j.observation().variant().equals(row.variant())
                              && j.observation().verifier() == verifier)
                  .toList();
          cells.add(
              DynamicTest.dynamicTest(
                  row.variant().label() + " -> " + verifier.label, () -> assertCell(row, cell)));
        }
      }
      signers.add(DynamicContainer.dynamicContainer("signed by " + signer.label, cells));
    }
    List<DynamicNode> servers = new ArrayList<>();
    for (Peer verifier : Peer.values()) {
      servers.add(
          DynamicTest.dynamicTest(
              verifier.label + " asked its own server, over TCP for the 1.4 kB record",
              () -> {
                DnsQueries q = dns.get(verifier);
                assertTrue(q.all() > 0, verifier.label + " sent no query to its DNS server");
                assertTrue(
                    q.largeTcp() > 0,
                    verifier.label + " did not ask for the 1.4 kB record over TCP: " + q);
              }));
    }
    signers.add(DynamicContainer.dynamicContainer("DNS", servers));
    return signers.stream();
  }

  /** Every copy of every shape of the row was judged, and each as expected. */
  private static void assertCell(Plan.Row row, List<Judged> cell) {
    assertEquals(
        row.shapes().size() * Tamper.values().length,
        cell.size(),
        "verdicts for " + row.shapes().size() + " shapes x " + Tamper.values().length + " copies");
    List<Judged> unexpected = cell.stream().filter(j -> !j.grade().expected()).toList();
    assertFalse(
        !unexpected.isEmpty(),
        () ->
            unexpected.size()
                + " unexpected:\n"
                + unexpected.stream().map(Judged::describe).collect(Collectors.joining("\n")));
  }

  private static Map<Peer, String> versions(Path work) throws IOException {
    Map<Peer, String> versions = new EnumMap<>(Peer.class);
    for (String line : Files.readAllLines(work.resolve(InteropRun.VERSIONS))) {
      String[] f = line.split("\t");
      versions.put(Peer.valueOf(f[0]), f[1]);
    }
    return versions;
  }

  private static Path property(String name) {
    return Path.of(System.getProperty(name)).toAbsolutePath().normalize();
  }
}
