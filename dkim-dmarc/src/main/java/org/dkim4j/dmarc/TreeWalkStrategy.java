package org.dkim4j.dmarc;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9989: the DNS Tree Walk. From a name of n labels it asks {@code _dmarc.} of the name itself,
 * then of its last min(n - 1, 7) labels, then one label fewer each time, down to the top-level
 * domain: at most 8 queries.
 */
final class TreeWalkStrategy extends OrganizationalDomainStrategy {

  static final TreeWalkStrategy INSTANCE = new TreeWalkStrategy();

  /** The most labels kept after the first query (RFC 9989, "DNS Tree Walk"). */
  private static final int MAX_LABELS_AFTER_FIRST = 7;

  private TreeWalkStrategy() {}

  /** Returns the names the walk from {@code domain} asks about, in order. */
  static List<String> targets(String domain) {
    List<String> targets = new ArrayList<>();
    targets.add(domain);
    int labels = Domains.labelCount(domain);
    for (int n = Math.min(labels - 1, MAX_LABELS_AFTER_FIRST); n >= 1; n--) {
      targets.add(Domains.lastLabels(domain, n));
    }
    return targets;
  }

  /**
   * Policy discovery: the first name on the walk with exactly one DMARC record. Names with several
   * records are passed over, as the walk discards them.
   */
  @Override
  Discovery discover(String authorDomain, DnsLookups lookups) {
    List<String> notes = new ArrayList<>();
    for (String target : targets(authorDomain)) {
      PolicyRecords records = PolicyRecords.query(target, lookups);
      if (records.failed()) {
        return Discovery.temporaryFailure(records.failureReason(), notes);
      }
      if (records.single()) {
        return Discovery.found(target, records.records().get(0), notes);
      }
      if (records.several()) {
        notes.add(records.severalReason());
      }
    }
    return Discovery.notFound(
        "no DMARC record at _dmarc." + authorDomain + " or above (DNS tree walk)", notes);
  }

  /**
   * The Organizational Domain: where a record with {@code psd=n} is, or the name one label below a
   * record with {@code psd=y}; else the highest name with a DMARC record; else the name itself. A
   * {@code psd=y} record at the starting name itself does not stop the walk.
   */
  @Override
  OrganizationalDomain organizationalDomain(String domain, DnsLookups lookups) {
    String highest = null;
    for (String target : targets(domain)) {
      PolicyRecords records = PolicyRecords.query(target, lookups);
      if (records.failed()) {
        return OrganizationalDomain.unknown(records.failureReason(), true);
      }
      if (!records.single()) {
        continue;
      }
      PsdFlag psd = psd(records.records().get(0));
      if (psd == PsdFlag.NO) {
        return OrganizationalDomain.of(target);
      }
      if (psd == PsdFlag.YES && !target.equals(domain)) {
        return OrganizationalDomain.of(Domains.lastLabels(domain, Domains.labelCount(target) + 1));
      }
      highest = target;
    }
    return OrganizationalDomain.of(highest != null ? highest : domain);
  }

  private static PsdFlag psd(String text) {
    try {
      return DmarcRecord.parseForPolicy(text).psd();
    } catch (DmarcRecordException e) {
      return PsdFlag.UNSPECIFIED; // an invalid record still marks a level, without a flag
    }
  }

  @Override
  public String toString() {
    return "DNS tree walk (RFC 9989)";
  }
}
