package org.dkim4j.cli;

import org.dkim4j.dns.CachingTxtResolver;
import org.dkim4j.dns.DnsJavaResolver;
import org.dkim4j.dns.TxtResolver;

/** The resolver used when no zone file is given: the system's DNS, or one named server. */
final class SystemDns {
  private SystemDns() {}

  /**
   * Returns a caching resolver for {@code server} ({@code IP} or {@code IP:PORT}, IPv6 in
   * brackets), or for the system's DNS servers when {@code server} is null.
   */
  static TxtResolver resolver(String server) {
    if (server == null) {
      return TxtResolver.system();
    }
    String host = server;
    int port = 53;
    int colon = server.lastIndexOf(':');
    if (server.startsWith("[")) {
      int close = server.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("invalid --dns-server " + server);
      }
      host = server.substring(1, close);
      if (close + 1 < server.length()) {
        port = port(server, server.substring(close + 2));
      }
    } else if (colon > 0 && server.indexOf(':') == colon) {
      host = server.substring(0, colon);
      port = port(server, server.substring(colon + 1));
    }
    return CachingTxtResolver.of(DnsJavaResolver.builder().server(host).port(port).build());
  }

  private static int port(String server, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid port in --dns-server " + server);
    }
  }
}
