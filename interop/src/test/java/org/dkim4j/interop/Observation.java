package org.dkim4j.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One cell of the raw results: a verifier's verdict on one copy of one signed message. The run
 * inside the namespace writes them; the test reads them back and judges them.
 */
record Observation(
    Peer signer, Variant variant, Shape shape, Tamper tamper, Peer verifier, Verdict verdict) {

  static void write(Path file, List<Observation> observations) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Observation o : observations) {
      Variant v = o.variant;
      lines.add(
          String.join(
              "\t",
              o.signer.name(),
              v.algorithm(),
              v.key().name(),
              v.selector(),
              v.canonicalization(),
              o.shape.name(),
              o.tamper.name(),
              o.verifier.name(),
              o.verdict.outcome().name(),
              o.verdict.detail()));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static List<Observation> read(Path file) throws IOException {
    List<Observation> observations = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      observations.add(
          new Observation(
              Peer.valueOf(f[0]),
              new Variant(f[1], Keys.Key.valueOf(f[2]), f[3], f[4]),
              Shape.valueOf(f[5]),
              Tamper.valueOf(f[6]),
              Peer.valueOf(f[7]),
              new Verdict(Verdict.Outcome.valueOf(f[8]), f[9])));
    }
    return observations;
  }
}
