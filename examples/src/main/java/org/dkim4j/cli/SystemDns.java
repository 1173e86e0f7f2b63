package org.dkim4j.cli;

import org.dkim4j.dns.TxtResolver;

/** The resolver used when no zone file is given. */
final class SystemDns {
  private SystemDns() {}

  static TxtResolver resolver(String server) {
    throw new IllegalArgumentException(
        "looking up keys in DNS is not available in this build; pass --dns-zone FILE");
  }
}
