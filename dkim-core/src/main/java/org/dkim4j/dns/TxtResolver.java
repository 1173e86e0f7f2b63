package org.dkim4j.dns;

/**
 * The one seam between dkim4j and DNS: looks up the TXT records of a name.
 *
 * <p>Implementations return every TXT record at the name, each with its character-strings already
 * joined (RFC 6376 section 3.6.2.2), or say that the name has none, or that the lookup failed for
 * now. They must be safe to call from several threads.
 */
@FunctionalInterface
public interface TxtResolver {

  /**
   * Looks up the TXT records at {@code name}.
   *
   * @param name a fully qualified domain name without the trailing dot, e.g. {@code
   *     sel._domainkey.example.com}
   * @return the outcome; never {@code null}
   */
  TxtLookup lookup(String name);

  /**
   * Returns a resolver that asks the system's DNS servers (as dnsjava reads them, e.g. from {@code
   * /etc/resolv.conf}) through a {@link DnsJavaResolver} with its defaults, behind a {@link
   * CachingTxtResolver} that honours TTLs. Each call builds a new resolver with its own cache: call
   * it once and share the result.
   *
   * @return a new caching resolver
   * @throws IllegalStateException when the system has no DNS server configured
   */
  static TxtResolver system() {
    return CachingTxtResolver.of(DnsJavaResolver.builder().build());
  }
}
