package org.dkim4j.interop;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.dkim4j.interop.Judged.Grade;

/** The judged results as the tables printed in the build log. */
final class Matrix {

  private static final int CELL = 15;
  private static final int LABEL = 52;

  private final List<Judged> judged;
  private final Map<Peer, String> versions;
  private final Map<Peer, DnsQueries> dns;

  Matrix(List<Judged> judged, Map<Peer, String> versions, Map<Peer, DnsQueries> dns) {
    this.judged = List.copyOf(judged);
    this.versions = versions;
    this.dns = dns;
  }

  List<Judged> unexpected() {
    return judged.stream().filter(j -> !j.grade().expected()).toList();
  }

  String render() {
    StringBuilder out = new StringBuilder("\n");
    out.append("DKIM interoperability: every signer's messages verified by every verifier\n");
    out.append("peers (Debian 12): ");
    List<String> named = new ArrayList<>();
    versions.forEach((peer, version) -> named.add(peer.label + " " + version));
    out.append(String.join(", ", named)).append("; dkim4j: this build\n");
    out.append(
        "DNS: dnsmasq on 127.0.0.1 only, one server per verifier, in a network namespace with"
            + " loopback alone\n\n");
    out.append(
        "Cell: message shapes that passed / shapes signed; xN: N known peer failures (below);"
            + " permN: permerror as\nexpected; +N: known failures that passed; !N: N UNEXPECTED"
            + " (the suite fails).\n\n");

    List<Judged> originals = select(j -> j.observation().tamper() == Tamper.NONE);
    Map<String, List<Judged>> rows = new LinkedHashMap<>();
    for (Plan.Row row : Plan.rows()) {
      rows.put(row.signer().label + "|" + row.variant().label(), new ArrayList<>());
    }
    for (Judged j : originals) {
      Observation o = j.observation();
      rows.computeIfAbsent(o.signer().label + "|" + o.variant().label(), k -> new ArrayList<>())
          .add(j);
    }
    table(
        out,
        "signer      variant",
        LABEL,
        rows,
        key -> {
          String[] parts = key.split("\\|");
          return String.format(Locale.ROOT, "%-11s %s", parts[0], parts[1]);
        });

    out.append("\nBy message shape (all signers and variants):\n");
    Map<String, List<Judged>> shapes = new LinkedHashMap<>();
    for (Shape shape : Shape.values()) {
      shapes.put(shape.label, new ArrayList<>());
    }
    originals.forEach(j -> shapes.get(j.observation().shape().label).add(j));
    table(out, "message shape", LABEL, shapes, Function.identity());

    out.append("\nNegative controls: tampered copies rejected / tested\n");
    out.append(String.format(Locale.ROOT, "%-" + LABEL + "s", "tampering"));
    for (Peer v : Peer.values()) {
      out.append(String.format(Locale.ROOT, "%-" + CELL + "s", v.label));
    }
    out.append('\n');
    for (Tamper t : Tamper.values()) {
      if (t == Tamper.NONE) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "%-" + LABEL + "s", t.label));
      for (Peer v : Peer.values()) {
        List<Judged> cell =
            select(j -> j.observation().tamper() == t && j.observation().verifier() == v);
        long rejected = cell.stream().filter(j -> j.grade() == Grade.REJECTED).count();
        long bad = cell.size() - rejected;
        out.append(
            String.format(
                Locale.ROOT,
                "%-" + CELL + "s",
                rejected + "/" + cell.size() + (bad > 0 ? " !" + bad : "")));
      }
      out.append('\n');
    }

    out.append("\nKnown behaviours of the peers (expected; cells matched):\n");
    for (Known k : Known.values()) {
      long cells = originals.stream().filter(j -> j.known() == k && j.grade().expected()).count();
      out.append(String.format(Locale.ROOT, "  %-34s %4d  ", k, cells));
      out.append(wrap(k.reason, 43)).append('\n');
    }
    List<Judged> xpass = select(j -> j.grade() == Grade.XPASS);
    for (Judged j : xpass) {
      out.append("  known failure that passed: ").append(j.describe()).append('\n');
    }

    out.append(
        "\nDNS: TXT queries each verifier sent to its own server; for the 1.4 kB record (s=big),"
            + " UDP (truncated) / TCP\n");
    dns.forEach(
        (peer, q) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "  %-11s %5d queries; s=big: %d UDP / %d TCP%n",
                    peer.label,
                    q.all(),
                    q.largeUdp(),
                    q.largeTcp())));

    Map<Grade, Long> counts = new EnumMap<>(Grade.class);
    judged.forEach(j -> counts.merge(j.grade(), 1L, Long::sum));
    out.append(
        String.format(
            Locale.ROOT,
            "%nsummary: %d verdicts: %d pass, %d known failures, %d permerror as expected,"
                + " %d known failures passed, %d tampered copies rejected; %d UNEXPECTED%n",
            judged.size(),
            counts.getOrDefault(Grade.PASS, 0L),
            counts.getOrDefault(Grade.XFAIL, 0L),
            counts.getOrDefault(Grade.PERMERROR, 0L),
            counts.getOrDefault(Grade.XPASS, 0L),
            counts.getOrDefault(Grade.REJECTED, 0L),
            counts.getOrDefault(Grade.UNEXPECTED, 0L)));
    List<Judged> unexpected = unexpected();
    for (Judged j : unexpected.subList(0, Math.min(60, unexpected.size()))) {
      out.append("  UNEXPECTED ").append(j.describe()).append('\n');
    }
    if (unexpected.size() > 60) {
      out.append("  ... and ").append(unexpected.size() - 60).append(" more\n");
    }
    return out.toString().lines().map(String::stripTrailing).collect(Collectors.joining("\n"))
        + "\n";
  }

  /** The cell text for a group of untampered observations. */
  static String cell(List<Judged> group) {
    if (group.isEmpty()) {
      return "-";
    }
    Map<Grade, Long> n = new EnumMap<>(Grade.class);
    group.forEach(j -> n.merge(j.grade(), 1L, Long::sum));
    long passed = n.getOrDefault(Grade.PASS, 0L) + n.getOrDefault(Grade.XPASS, 0L);
    StringBuilder text = new StringBuilder().append(passed).append('/').append(group.size());
    append(text, " x", n.get(Grade.XFAIL));
    append(text, " perm", n.get(Grade.PERMERROR));
    append(text, " +", n.get(Grade.XPASS));
    append(text, " !", n.get(Grade.UNEXPECTED));
    return text.toString();
  }

  private static void append(StringBuilder text, String mark, Long count) {
    if (count != null && count > 0) {
      text.append(mark).append(count);
    }
  }

  private void table(
      StringBuilder out,
      String corner,
      int width,
      Map<String, List<Judged>> rows,
      Function<String, String> label) {
    out.append(String.format(Locale.ROOT, "%-" + width + "s", corner));
    for (Peer v : Peer.values()) {
      out.append(String.format(Locale.ROOT, "%-" + CELL + "s", v.label));
    }
    out.append('\n');
    rows.forEach(
        (key, group) -> {
          out.append(String.format(Locale.ROOT, "%-" + width + "s", label.apply(key)));
          for (Peer v : Peer.values()) {
            List<Judged> cell =
                group.stream().filter(j -> j.observation().verifier() == v).toList();
            out.append(String.format(Locale.ROOT, "%-" + CELL + "s", cell(cell)));
          }
          out.append('\n');
        });
  }

  private List<Judged> select(Predicate<Judged> which) {
    return judged.stream().filter(which).toList();
  }

  private static String wrap(String text, int indent) {
    StringBuilder out = new StringBuilder();
    int column = indent;
    for (String word : text.split(" ")) {
      if (column + word.length() > 110 && column > indent) {
        out.append('\n').append(" ".repeat(indent));
        column = indent;
      }
      out.append(word).append(' ');
      column += word.length() + 1;
    }
    return out.toString().stripTrailing();
  }
}
