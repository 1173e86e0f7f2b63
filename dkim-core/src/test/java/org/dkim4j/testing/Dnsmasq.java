package org.dkim4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dkim4j.dns.DnsJavaResolver;
import org.dkim4j.dns.TxtLookup;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;

/**
 * A real DNS server for tests: Debian's {@code dnsmasq} on 127.0.0.1 and a free port, serving TXT
 * (and A) records for one zone and NXDOMAIN for every other name in it. It has no upstream servers,
 * so it never forwards a query anywhere, and it is stopped by its own process handle.
 *
 * <p>It runs with {@code --keep-in-foreground} rather than {@code --no-daemon}: only then does it
 * answer TCP in forked children, which {@link #answeredOverTcp(String)} uses to tell which queries
 * came over TCP. Values are passed on the command line, where dnsmasq keeps quotes and starts a new
 * character-string at every comma; so each character-string is passed as it is to be served and
 * commas are refused.
 */
public final class Dnsmasq implements AutoCloseable {

  private static final String PROBE = "_probe";

  private final Process process;
  private final int port;
  private final Path log;

  private Dnsmasq(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Returns a builder whose files (log, output) go to {@code directory}. */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** Returns the UDP and TCP port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Returns a resolver builder aimed at this server only, with short timeouts. */
  public DnsJavaResolver.Builder resolver() {
    return DnsJavaResolver.builder()
        .server("127.0.0.1")
        .port(port)
        .timeout(Duration.ofSeconds(2))
        .retries(1);
  }

  /** True when dnsmasq logged a TXT query for {@code name} from a child process, i.e. over TCP. */
  public boolean answeredOverTcp(String name) {
    String main = "dnsmasq[" + process.pid() + "]";
    for (String line : logLines()) {
      if (line.contains("query[TXT] " + name + " ") && !line.contains(main)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the query log so far. */
  public List<String> logLines() {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server: SIGTERM to its own process, then SIGKILL if it lingers. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "dnsmasq[pid " + process.pid() + ", 127.0.0.1:" + port + "]";
  }

  /** Collects the zone and its records. */
  public static final class Builder {
    private final Path directory;
    private final List<String> records = new ArrayList<>();
    private String zone = "example.com";
    private int ttl = 300;

    private Builder(Path directory) {
      this.directory = directory;
    }

    /** Sets the zone served (default example.com); names outside it are REFUSED. */
    public Builder zone(String zone) {
      this.zone = zone;
      return this;
    }

    /** Sets the TTL of the records (default 300 seconds). */
    public Builder ttl(int seconds) {
      this.ttl = seconds;
      return this;
    }

    /** Adds one TXT record made of the given character-strings (each at most 255 bytes). */
    public Builder txt(String name, List<String> characterStrings) {
      for (String s : characterStrings) {
        if (s.indexOf(',') >= 0) {
          throw new IllegalArgumentException("dnsmasq cannot take a comma in a TXT value: " + s);
        }
        if (s.getBytes(StandardCharsets.UTF_8).length > 255) {
          throw new IllegalArgumentException("character-string longer than 255 bytes");
        }
      }
      records.add("--txt-record=" + name + "," + String.join(",", characterStrings));
      return this;
    }

    /**
     * Adds the TXT records of a zone file such as {@code SELECTOR.txt}, each with the very
     * character-strings written there.
     */
    public Builder zoneFile(Path file) {
      try (Master master = new Master(file.toString(), Name.fromString(zone + "."), ttl)) {
        org.xbill.DNS.Record record;
        while ((record = master.nextRecord()) != null) {
          if (record instanceof TXTRecord txt) {
            List<String> strings = new ArrayList<>();
            for (byte[] part : txt.getStringsAsByteArrays()) {
              strings.add(new String(part, StandardCharsets.UTF_8));
            }
            txt(txt.getName().toString(true), strings);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /**
     * Adds an A record, so that the name exists for any type asked (a query for another type gets
     * an empty answer, not NXDOMAIN).
     */
    public Builder host(String name, String ipv4) {
      if (name.indexOf(',') >= 0 || !ipv4.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
        throw new IllegalArgumentException("bad host record: " + name + " " + ipv4);
      }
      records.add("--host-record=" + name + "," + ipv4);
      return this;
    }

    /** Adds one TXT record, split into 255-byte character-strings. */
    public Builder txt(String name, String record) {
      List<String> strings = new ArrayList<>();
      for (int i = 0; i < record.length(); i += 255) {
        strings.add(record.substring(i, Math.min(record.length(), i + 255)));
      }
      return txt(name, strings);
    }

    /**
     * Starts dnsmasq and waits until it answers; skips the test when dnsmasq is not installed
     * (fails it in CI).
     */
    public Dnsmasq start() {
      Path program = ExternalTools.require("dnsmasq");
      String failure = "";
      for (int attempt = 0; attempt < 5; attempt++) {
        int port = freePort();
        Path log = directory.resolve("dnsmasq-" + port + ".log");
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.add("--keep-in-foreground");
        command.add("--conf-file=/dev/null");
        command.add("--pid-file=");
        command.add("--no-resolv");
        command.add("--no-hosts");
        command.add("--no-poll");
        command.add("--bind-interfaces");
        command.add("--listen-address=127.0.0.1");
        command.add("--port=" + port);
        command.add("--local=/" + zone + "/");
        command.add("--local-ttl=" + ttl);
        command.add("--log-queries=extra");
        command.add("--log-facility=" + log);
        command.add("--txt-record=" + PROBE + "." + zone + ",ready");
        command.addAll(records);
        Process process;
        try {
          process =
              new ProcessBuilder(command)
                  .redirectErrorStream(true)
                  .redirectOutput(directory.resolve("dnsmasq-" + port + ".out").toFile())
                  .start();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot start dnsmasq", e);
        }
        Dnsmasq server = new Dnsmasq(process, port, log);
        if (awaitReady(server)) {
          return server;
        }
        server.close();
        failure = output(directory.resolve("dnsmasq-" + port + ".out"));
      }
      fail("dnsmasq did not start: " + failure);
      return null;
    }

    private boolean awaitReady(Dnsmasq server) {
      DnsJavaResolver probe = server.resolver().timeout(Duration.ofMillis(200)).retries(0).build();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        if (!server.process.isAlive()) {
          return false;
        }
        if (probe.lookup(PROBE + "." + zone) instanceof TxtLookup.Found) {
          return true;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    }

    private static String output(Path file) {
      try {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      } catch (IOException e) {
        return e.getMessage();
      }
    }

    /** A port free for both UDP and TCP on 127.0.0.1 at the time of asking. */
    private static int freePort() {
      InetAddress loopback = InetAddress.getLoopbackAddress();
      for (int i = 0; i < 20; i++) {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            ServerSocket tcp = new ServerSocket()) {
          tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
          return udp.getLocalPort();
        } catch (IOException e) {
          // taken for TCP: try another
        }
      }
      throw new IllegalStateException("no free port on 127.0.0.1");
    }
  }
}
