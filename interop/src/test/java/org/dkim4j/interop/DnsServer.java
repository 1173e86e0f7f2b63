package org.dkim4j.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A dnsmasq serving the key records on 127.0.0.1 only, authoritative for example.com, with no
 * upstream: it never forwards a query. Each verifier gets its own server and port, so its query log
 * shows that the verifier asked the server it was pointed at, and over which transport.
 */
final class DnsServer implements AutoCloseable {

  /** dnsmasq's config-file reader stops at about 1000 characters a line. */
  private static final int CONFIG_LINE_LIMIT = 900;

  private final int port;
  private final Path log;
  private final Process process;
  private int mark;

  private DnsServer(int port, Path log, Process process) {
    this.port = port;
    this.log = log;
    this.process = process;
  }

  static DnsServer start(Path directory, int port, Map<String, String> records) throws IOException {
    Files.createDirectories(directory);
    Path log = directory.resolve("dnsmasq-" + port + ".log");
    Files.deleteIfExists(log);
    List<String> config =
        new ArrayList<>(
            List.of(
                "listen-address=127.0.0.1",
                "bind-interfaces",
                "port=" + port,
                "no-resolv",
                "no-hosts",
                "no-poll",
                "user=root",
                "pid-file=" + directory.resolve("dnsmasq-" + port + ".pid"),
                "log-queries",
                "log-facility=" + log,
                "local=/" + Keys.DOMAIN + "/"));
    List<String> longRecords = new ArrayList<>();
    for (Map.Entry<String, String> record : records.entrySet()) {
      String line = "txt-record=" + record.getKey() + ",\"" + record.getValue() + "\"";
      if (line.length() <= CONFIG_LINE_LIMIT) {
        config.add(line);
      } else {
        // On the command line there is no length limit, but quotes are kept as data and each
        // comma starts a new string: pass the value bare, and it must have no comma.
        if (record.getValue().contains(",") || record.getValue().contains("\"")) {
          throw new IllegalArgumentException("cannot pass to dnsmasq: " + record.getValue());
        }
        longRecords.add("--txt-record=" + record.getKey() + "," + record.getValue());
      }
    }
    Path conf = directory.resolve("dnsmasq-" + port + ".conf");
    Files.write(conf, config, StandardCharsets.US_ASCII);
    List<String> command =
        new ArrayList<>(List.of("dnsmasq", "--keep-in-foreground", "-C", conf.toString()));
    command.addAll(longRecords);
    Process process = Exec.of(command).background(directory.resolve("dnsmasq-" + port + ".out"));
    DnsServer server = new DnsServer(port, log, process);
    try {
      server.awaitRecords(records);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Checks that every record comes back exactly as published (long ones are split into several
   * strings by dnsmasq and must join back), over TCP when UDP truncates.
   */
  private void awaitRecords(Map<String, String> records) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    for (Map.Entry<String, String> record : records.entrySet()) {
      while (true) {
        String answer;
        try {
          answer = query(record.getKey());
        } catch (IOException e) {
          if (!process.isAlive() || System.nanoTime() > deadline) {
            throw new IOException(
                "dnsmasq on 127.0.0.1:" + port + " does not answer (see " + log + ")", e);
          }
          sleep();
          continue;
        }
        if (!record.getValue().equals(answer)) {
          throw new IllegalStateException(
              "dnsmasq serves " + record.getKey() + " as [" + answer + "], not as published");
        }
        break;
      }
    }
    mark = logLines().size();
  }

  /**
   * Counts the TXT queries since the server was ready, and those for {@code large} by transport.
   */
  DnsQueries queries(String large) throws IOException {
    // dnsmasq answers TCP in forked children: a line from another pid is a TCP query.
    String main = "dnsmasq[" + process.pid() + "]";
    int all = 0;
    int udp = 0;
    int tcp = 0;
    List<String> lines = logLines();
    for (String line : lines.subList(Math.min(mark, lines.size()), lines.size())) {
      if (line.contains(" query[TXT] ")) {
        all++;
        if (line.contains(" query[TXT] " + large + " ")) {
          if (line.contains(main)) {
            udp++;
          } else {
            tcp++;
          }
        }
      }
    }
    return new DnsQueries(all, udp, tcp);
  }

  private List<String> logLines() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
  }

  private String query(String name) throws IOException {
    SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
    resolver.setPort(port);
    resolver.setTimeout(Duration.ofSeconds(2));
    Message query =
        Message.newQuery(
            org.xbill.DNS.Record.newRecord(Name.fromString(name + "."), Type.TXT, DClass.IN));
    Message response = resolver.send(query);
    if (response.getRcode() != Rcode.NOERROR || response.getHeader().getFlag(Flags.TC)) {
      throw new IOException(name + ": " + Rcode.string(response.getRcode()));
    }
    StringBuilder joined = new StringBuilder();
    for (org.xbill.DNS.Record r : response.getSection(Section.ANSWER)) {
      if (r instanceof TXTRecord txt) {
        for (byte[] s : txt.getStringsAsByteArrays()) {
          joined.append(new String(s, StandardCharsets.ISO_8859_1));
        }
      }
    }
    return joined.toString();
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    Exec.stop(process);
  }
}
