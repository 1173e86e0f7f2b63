package org.dkim4j.dmarc;

import java.util.ArrayList;
import java.util.List;
import org.dkim4j.dns.TxtLookup;

/**
 * What the query of {@code _dmarc.<domain>} gave: the DMARC records among the TXT records (RFC 7489
 * section 6.6.3 steps 1, 2 and 4), or a temporary failure.
 */
record PolicyRecords(String domain, List<String> records, String temporaryFailure) {

  static PolicyRecords query(String domain, DnsLookups lookups) {
    TxtLookup answer = lookups.txt("_dmarc." + domain);
    if (answer instanceof TxtLookup.TemporaryFailure failure) {
      return new PolicyRecords(domain, List.of(), failure.detail());
    }
    List<String> dmarc = new ArrayList<>();
    if (answer instanceof TxtLookup.Found found) {
      for (String record : found.records()) {
        if (DmarcRecord.isDmarcRecord(record)) {
          dmarc.add(record);
        }
      }
    }
    return new PolicyRecords(domain, List.copyOf(dmarc), null);
  }

  boolean failed() {
    return temporaryFailure != null;
  }

  boolean single() {
    return records.size() == 1;
  }

  boolean several() {
    return records.size() > 1;
  }

  String failureReason() {
    return "temporary DNS failure looking up _dmarc." + domain + " (" + temporaryFailure + ")";
  }

  String severalReason() {
    return records.size()
        + " DMARC records at _dmarc."
        + domain
        + "; all ignored (RFC 7489 section 6.6.3)";
  }
}
