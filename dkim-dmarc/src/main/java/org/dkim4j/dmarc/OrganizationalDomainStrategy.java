package org.dkim4j.dmarc;

import java.util.Objects;

/**
 * How Organizational Domains are found, which decides both where policy discovery looks and what
 * relaxed alignment means. Two strategies exist:
 *
 * <ul>
 *   <li>{@link #treeWalk()}: the DNS Tree Walk of RFC 9989, which obsoletes RFC 7489. It asks the
 *       DNS, at most 8 queries per name, and honours {@code psd=} flags. Nothing to keep up to
 *       date. The default.
 *   <li>{@link #publicSuffixList(PublicSuffixList)}: RFC 7489 section 3.2, the registrable domain
 *       by the Public Suffix List; policy discovery asks the Author Domain, then its Organizational
 *       Domain (section 6.6.3). No DNS queries for alignment, but the list must be kept current,
 *       and results match RFC 7489 receivers (OpenDMARC, rspamd) exactly.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public abstract sealed class OrganizationalDomainStrategy
    permits TreeWalkStrategy, PublicSuffixStrategy {

  OrganizationalDomainStrategy() {}

  /**
   * Returns the RFC 9989 DNS Tree Walk.
   *
   * @return the shared tree-walk strategy
   */
  public static OrganizationalDomainStrategy treeWalk() {
    return TreeWalkStrategy.INSTANCE;
  }

  /**
   * Returns the RFC 7489 strategy with the given Public Suffix List.
   *
   * @param list the Public Suffix List to find registrable domains with
   * @return a strategy using {@code list}
   */
  public static OrganizationalDomainStrategy publicSuffixList(PublicSuffixList list) {
    return new PublicSuffixStrategy(Objects.requireNonNull(list, "list"));
  }

  /**
   * Returns the RFC 7489 strategy with the list bundled in this jar.
   *
   * @return a strategy using {@link PublicSuffixList#bundled()}
   */
  public static OrganizationalDomainStrategy publicSuffixList() {
    return publicSuffixList(PublicSuffixList.bundled());
  }

  /** Finds the DMARC record that applies to {@code authorDomain} (a normalized name). */
  abstract Discovery discover(String authorDomain, DnsLookups lookups);

  /** Finds the Organizational Domain of {@code domain} (a normalized name). */
  abstract OrganizationalDomain organizationalDomain(String domain, DnsLookups lookups);
}
