package org.dkim4j.dns;

import java.util.Locale;

/** Domain name helpers shared by the resolvers. */
final class DnsNames {
  private DnsNames() {}

  /** Lowercases (ASCII, RFC 4343) and removes one trailing dot. */
  static String normalize(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    return n.toLowerCase(Locale.ROOT);
  }
}
