package org.dkim4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.dns.ZoneFileResolver;
import picocli.CommandLine.Option;

/** Where a command looks up DNS records: zone files, or DNS. */
final class DnsOptions {

  @Option(
      names = "--dns-zone",
      paramLabel = "FILE",
      description = "Read TXT records from an RFC 1035 zone file instead of DNS (repeatable).")
  List<Path> zones;

  @Option(
      names = "--dns-origin",
      paramLabel = "DOMAIN",
      defaultValue = ".",
      description = "Origin for relative names in zone files (default: the root).")
  String origin;

  @Option(
      names = "--dns-server",
      paramLabel = "HOST[:PORT]",
      description = "Ask this DNS server instead of the system's.")
  String server;

  TxtResolver resolver() throws IOException {
    if (zones != null && !zones.isEmpty()) {
      return ZoneFileResolver.fromFiles(zones, origin);
    }
    return SystemDns.resolver(server);
  }
}
