package org.dkim4j.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The TXT queries a verifier sent to its own DNS server during the run.
 *
 * @param all every TXT query
 * @param largeUdp queries for the 1.4 kB record over UDP (answered truncated)
 * @param largeTcp queries for the 1.4 kB record over TCP
 */
record DnsQueries(int all, int largeUdp, int largeTcp) {

  static void write(Path file, Map<Peer, DnsQueries> queries) throws IOException {
    List<String> lines = new ArrayList<>();
    queries.forEach(
        (peer, q) -> lines.add(peer.name() + "\t" + q.all + "\t" + q.largeUdp + "\t" + q.largeTcp));
    Files.write(file, lines, StandardCharsets.US_ASCII);
  }

  static Map<Peer, DnsQueries> read(Path file) throws IOException {
    Map<Peer, DnsQueries> queries = new EnumMap<>(Peer.class);
    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
      String[] f = line.split("\t");
      queries.put(
          Peer.valueOf(f[0]),
          new DnsQueries(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])));
    }
    return queries;
  }
}
