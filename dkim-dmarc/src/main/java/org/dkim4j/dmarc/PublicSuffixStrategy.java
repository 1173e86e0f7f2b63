package org.dkim4j.dmarc;

import java.util.ArrayList;
import java.util.List;

/** RFC 7489: Organizational Domains by the Public Suffix List (section 3.2). */
final class PublicSuffixStrategy extends OrganizationalDomainStrategy {

  private final PublicSuffixList list;

  PublicSuffixStrategy(PublicSuffixList list) {
    this.list = list;
  }

  /** RFC 7489 section 6.6.3: the Author Domain, then (only if it has none) its Org Domain. */
  @Override
  Discovery discover(String authorDomain, DnsLookups lookups) {
    List<String> notes = new ArrayList<>();
    PolicyRecords own = PolicyRecords.query(authorDomain, lookups);
    if (own.failed()) {
      return Discovery.temporaryFailure(own.failureReason(), notes);
    }
    if (own.single()) {
      return Discovery.found(authorDomain, own.records().get(0), notes);
    }
    if (own.several()) {
      // Step 5: a non-empty set that is not a single record ends discovery.
      return Discovery.notFound(own.severalReason(), notes);
    }
    String organizational = list.organizationalDomain(authorDomain);
    if (organizational.equals(authorDomain)) {
      return Discovery.notFound("no DMARC record at _dmarc." + authorDomain, notes);
    }
    PolicyRecords org = PolicyRecords.query(organizational, lookups);
    if (org.failed()) {
      return Discovery.temporaryFailure(org.failureReason(), notes);
    }
    if (org.single()) {
      return Discovery.found(organizational, org.records().get(0), notes);
    }
    if (org.several()) {
      return Discovery.notFound(org.severalReason(), notes);
    }
    return Discovery.notFound(
        "no DMARC record at _dmarc." + authorDomain + " nor at _dmarc." + organizational, notes);
  }

  @Override
  OrganizationalDomain organizationalDomain(String domain, DnsLookups lookups) {
    return OrganizationalDomain.of(list.organizationalDomain(domain));
  }

  @Override
  public String toString() {
    return "PublicSuffixList strategy (RFC 7489) with " + list;
  }
}
