package org.dkim4j.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Looks up TXT records with dnsjava, asking only the servers it was built with (RFC 1035 section
 * 4.2: UDP first, TCP when the UDP answer is truncated).
 *
 * <p>Each TXT record's character-strings are joined into one string (RFC 6376 section 3.6.2.2);
 * several TXT records at a name are returned as several strings. Outcomes map as RFC 6376 section
 * 6.1.2 needs them: NXDOMAIN and NODATA (RFC 2308 section 2) are {@link TxtLookup.NotFound};
 * SERVFAIL, REFUSED, timeouts and network errors, once every server and retry is spent, are {@link
 * TxtLookup.TemporaryFailure}. Each outcome carries its TTL (see {@link TxtAnswer}), for {@link
 * CachingTxtResolver}.
 *
 * <p>It has no cache of its own, no search list and never consults dnsjava's global {@code Lookup}
 * state. Servers are given as IP addresses only, so building one never resolves a host name.
 * Without servers, the system's are used (as dnsjava's {@link ResolverConfig} reads them, e.g. from
 * {@code /etc/resolv.conf}), read once when {@link Builder#build()} runs. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * TxtResolver dns = DnsJavaResolver.builder()
 *     .server("127.0.0.1").port(5353)
 *     .timeout(Duration.ofSeconds(2)).retries(1)
 *     .build();
 * }</pre>
 */
public final class DnsJavaResolver implements TtlTxtResolver {

  /** The EDNS(0) UDP payload size advertised by default, as DNS Flag Day 2020 recommends. */
  public static final int DEFAULT_EDNS_PAYLOAD_SIZE = 1232;

  private static final int MAX_CNAME_CHAIN = 8;

  private final List<InetSocketAddress> servers;
  private final Duration timeout;
  private final int retries;
  private final boolean tcpFallback;
  private final int ednsPayloadSize;
  private final List<SimpleResolver> udpResolvers;
  private final List<SimpleResolver> tcpResolvers;

  private DnsJavaResolver(Builder b, List<InetSocketAddress> servers) {
    this.servers = List.copyOf(servers);
    this.timeout = b.timeout;
    this.retries = b.retries;
    this.tcpFallback = b.tcpFallback;
    this.ednsPayloadSize = b.ednsPayloadSize;
    List<SimpleResolver> udp = new ArrayList<>();
    List<SimpleResolver> tcp = new ArrayList<>();
    for (InetSocketAddress server : this.servers) {
      udp.add(simpleResolver(server, false));
      tcp.add(simpleResolver(server, true));
    }
    this.udpResolvers = List.copyOf(udp);
    this.tcpResolvers = List.copyOf(tcp);
  }

  private SimpleResolver simpleResolver(InetSocketAddress server, boolean useTcp) {
    SimpleResolver resolver = new SimpleResolver(server);
    resolver.setTimeout(timeout);
    resolver.setTCP(useTcp);
    // Truncation is handled here, so that the fallback can be switched off and is visible.
    resolver.setIgnoreTruncation(true);
    if (ednsPayloadSize > 0) {
      resolver.setEDNS(0, ednsPayloadSize, 0, List.of());
    } else {
      resolver.setEDNS(-1, 0, 0, List.of());
    }
    return resolver;
  }

  /**
   * Returns a builder; without {@link Builder#server} calls it uses the system's servers.
   *
   * @return a new builder with the defaults described there
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the servers asked, in order.
   *
   * @return an unmodifiable list of addresses with ports, never empty
   */
  public List<InetSocketAddress> servers() {
    return servers;
  }

  @Override
  public TxtAnswer lookupWithTtl(String name) {
    Objects.requireNonNull(name, "name");
    Name qname;
    try {
      qname = Name.fromString(name.endsWith(".") ? name : name + ".");
    } catch (TextParseException e) {
      return TxtAnswer.withoutTtl(TxtLookup.notFound("invalid domain name: " + e.getMessage()));
    }
    Message query = Message.newQuery(org.xbill.DNS.Record.newRecord(qname, Type.TXT, DClass.IN));
    String lastFailure = "no server answered";
    boolean[] gaveUp = new boolean[servers.size()];
    for (int attempt = 0; attempt <= retries; attempt++) {
      for (int i = 0; i < servers.size(); i++) {
        if (gaveUp[i]) {
          continue;
        }
        String server = describe(servers.get(i));
        Message response;
        try {
          response = send(udpResolvers.get(i), query);
          if (response.getHeader().getFlag(Flags.TC)) {
            if (!tcpFallback) {
              lastFailure = "truncated UDP answer from " + server + " and TCP fallback is off";
              gaveUp[i] = true;
              continue;
            }
            response = send(tcpResolvers.get(i), query);
          }
        } catch (TimeoutException e) {
          lastFailure = "timeout after " + timeout.toMillis() + " ms from " + server;
          continue;
        } catch (IOException e) {
          lastFailure = "network error with " + server + ": " + e.getMessage();
          continue;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return TxtAnswer.withoutTtl(TxtLookup.temporaryFailure("interrupted"));
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NOERROR) {
          return answer(qname, response);
        }
        if (rcode == Rcode.NXDOMAIN) {
          return negative("NXDOMAIN", response);
        }
        // SERVFAIL, REFUSED and the like: this server will not do better on a retry.
        lastFailure = Rcode.string(rcode) + " from " + server;
        gaveUp[i] = true;
      }
    }
    int attempts = servers.size() * (retries + 1);
    return TxtAnswer.withoutTtl(
        TxtLookup.temporaryFailure(
            lastFailure
                + " ("
                + name
                + ", "
                + attempts
                + " attempt"
                + (attempts == 1 ? ")" : "s)")));
  }

  private Message send(SimpleResolver resolver, Message query)
      throws IOException, TimeoutException, InterruptedException {
    // dnsjava notices its own timeouts only about once a second; waiting here keeps the
    // configured timeout exact. dnsjava drops the abandoned query at its own timeout.
    // Parsing the answer takes microseconds: do it on dnsjava's I/O thread rather than depend
    // on the common fork-join pool, which application code may keep busy.
    CompletableFuture<Message> answer =
        resolver.sendAsync(query, Runnable::run).toCompletableFuture();
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(false);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
        throw new TimeoutException(cause.getMessage());
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(String.valueOf(cause), cause);
    }
  }

  /** Collects the TXT records of the name, following a CNAME chain within the answer. */
  private static TxtAnswer answer(Name qname, Message response) {
    List<org.xbill.DNS.Record> answers = response.getSection(Section.ANSWER);
    Name current = qname;
    long ttl = Long.MAX_VALUE;
    for (int hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
      List<String> records = new ArrayList<>();
      long txtTtl = Long.MAX_VALUE;
      CNAMERecord alias = null;
      for (org.xbill.DNS.Record record : answers) {
        if (!record.getName().equals(current) || record.getDClass() != DClass.IN) {
          continue;
        }
        if (record instanceof TXTRecord txt) {
          records.add(join(txt));
          txtTtl = Math.min(txtTtl, txt.getTTL());
        } else if (record instanceof CNAMERecord cname) {
          alias = cname;
        }
      }
      if (!records.isEmpty()) {
        return TxtAnswer.of(TxtLookup.found(records), Duration.ofSeconds(Math.min(ttl, txtTtl)));
      }
      if (alias == null) {
        break;
      }
      ttl = Math.min(ttl, alias.getTTL());
      current = alias.getTarget();
    }
    return negative("NODATA", response);
  }

  /** A negative answer, with the TTL of RFC 2308 section 5 when the SOA record is present. */
  private static TxtAnswer negative(String detail, Message response) {
    for (org.xbill.DNS.Record record : response.getSection(Section.AUTHORITY)) {
      if (record instanceof SOARecord soa) {
        return TxtAnswer.of(
            TxtLookup.notFound(detail),
            Duration.ofSeconds(Math.min(soa.getTTL(), soa.getMinimum())));
      }
    }
    return TxtAnswer.withoutTtl(TxtLookup.notFound(detail));
  }

  private static String join(TXTRecord record) {
    StringBuilder joined = new StringBuilder();
    for (byte[] part : record.getStringsAsByteArrays()) {
      joined.append(new String(part, StandardCharsets.UTF_8));
    }
    return joined.toString();
  }

  private static String describe(InetSocketAddress server) {
    String host = server.getAddress().getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + server.getPort();
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (InetSocketAddress server : servers) {
      names.add(describe(server));
    }
    return "DnsJavaResolver"
        + names
        + "[timeout="
        + timeout.toMillis()
        + "ms, retries="
        + retries
        + (tcpFallback ? ", tcp fallback" : "")
        + "]";
  }

  /**
   * Settings for a {@link DnsJavaResolver}. Defaults: the system's servers, port 53 for servers
   * given without one, a 5-second timeout per query, 2 retries, TCP fallback on, EDNS(0) with
   * {@value DnsJavaResolver#DEFAULT_EDNS_PAYLOAD_SIZE} bytes.
   */
  public static final class Builder {
    /** A server as given: its own port, or -1 for the builder's port. */
    private record Server(InetAddress address, int port) {}

    private final List<Server> given = new ArrayList<>();
    private int port = SimpleResolver.DEFAULT_PORT;
    private Duration timeout = Duration.ofSeconds(5);
    private int retries = 2;
    private boolean tcpFallback = true;
    private int ednsPayloadSize = DEFAULT_EDNS_PAYLOAD_SIZE;

    private Builder() {}

    /**
     * Adds a server by IP address literal, e.g. {@code "127.0.0.1"} or {@code "::1"}; it is asked
     * on {@link #port(int)}. Host names are refused, so that building never sends a DNS query.
     *
     * @param address an IPv4 or IPv6 address literal
     * @return this builder
     * @throws IllegalArgumentException when {@code address} is not an IP address literal
     */
    public Builder server(String address) {
      Objects.requireNonNull(address, "address");
      try {
        return server(Address.getByAddress(address));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(
            "not an IP address: \"" + address + "\" (servers are given as IP addresses)");
      }
    }

    /**
     * Adds a server, asked on {@link #port(int)}.
     *
     * @param address the server's address
     * @return this builder
     */
    public Builder server(InetAddress address) {
      Objects.requireNonNull(address, "address");
      given.add(new Server(address, -1));
      return this;
    }

    /**
     * Adds a server with its own port.
     *
     * @param address a resolved address and port
     * @return this builder
     * @throws IllegalArgumentException if {@code address} is unresolved
     */
    public Builder server(InetSocketAddress address) {
      Objects.requireNonNull(address, "address");
      if (address.isUnresolved()) {
        throw new IllegalArgumentException(
            "unresolved server address " + address + " (servers are given as IP addresses)");
      }
      given.add(new Server(address.getAddress(), address.getPort()));
      return this;
    }

    /**
     * Sets the port of servers added without one (default 53).
     *
     * @param port 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is out of range
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1 to 65535, not " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets how long to wait for each answer (default 5 seconds).
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets how many more rounds over the servers follow a round without answer (default 2). A
     * server that answered SERVFAIL or REFUSED is not asked again.
     *
     * @param retries zero or more
     * @return this builder
     * @throws IllegalArgumentException if {@code retries} is negative
     */
    public Builder retries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("retries must not be negative");
      }
      this.retries = retries;
      return this;
    }

    /**
     * Sets whether a truncated UDP answer (TC bit) is asked again over TCP (default true, as RFC
     * 7766 section 5 requires of resolvers). Without it, a truncated answer is a temporary failure.
     *
     * @param enabled {@code false} to treat a truncated answer as a temporary failure
     * @return this builder
     */
    public Builder tcpFallback(boolean enabled) {
      this.tcpFallback = enabled;
      return this;
    }

    /**
     * Sets the EDNS(0) UDP payload size advertised (RFC 6891 section 6.2.5), or 0 to send no EDNS
     * (answers over 512 bytes then come over TCP). Default {@value
     * DnsJavaResolver#DEFAULT_EDNS_PAYLOAD_SIZE}.
     *
     * @param size 0, or 512 to 65535 bytes
     * @return this builder
     * @throws IllegalArgumentException for any other size
     */
    public Builder ednsPayloadSize(int size) {
      if (size != 0 && (size < 512 || size > 65535)) {
        throw new IllegalArgumentException("EDNS payload size must be 0 or 512 to 65535");
      }
      this.ednsPayloadSize = size;
      return this;
    }

    /**
     * Returns the resolver.
     *
     * @return an immutable, thread-safe resolver
     * @throws IllegalStateException when no server was given and the system has none configured
     */
    public DnsJavaResolver build() {
      List<InetSocketAddress> servers = new ArrayList<>();
      for (Server server : given) {
        servers.add(
            new InetSocketAddress(server.address(), server.port() < 0 ? port : server.port()));
      }
      if (servers.isEmpty()) {
        for (InetSocketAddress server : ResolverConfig.getCurrentConfig().servers()) {
          if (!server.isUnresolved()) {
            servers.add(server);
          }
        }
      }
      if (servers.isEmpty()) {
        throw new IllegalStateException(
            "no DNS server is configured on this system; add one with server(...)");
      }
      return new DnsJavaResolver(this, servers);
    }
  }
}
