package org.dkim4j.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dkim4j.tag.TagList;

/**
 * A parsed DMARC policy record, the TXT record at {@code _dmarc.<domain>} (RFC 7489 section 6.3,
 * RFC 9989 "General Record Format"). Immutable.
 *
 * <p>Every tag of both RFCs is read: {@code v p sp np psd t pct adkim aspf rua ruf fo rf ri}.
 * Unknown tags are ignored but kept in {@link #tags()}. Tag names and keyword values are
 * case-insensitive (ABNF literals, RFC 5234 section 2.3); {@code v=DMARC1} is case-sensitive, as
 * both RFCs' grammar writes it.
 *
 * <pre>{@code
 * DmarcRecord record = DmarcRecord.parse("v=DMARC1; p=reject; rua=mailto:d@example.com");
 * record.policy();          // REJECT
 * record.subdomainPolicy(); // REJECT: sp= defaults to p=
 * }</pre>
 */
public final class DmarcRecord {

  private final String text;
  private final TagList tags;
  private final DmarcPolicy policy;
  private final DmarcPolicy subdomainPolicy;
  private final DmarcPolicy nonExistentPolicy;
  private final PsdFlag psd;
  private final boolean testing;
  private final int percent;
  private final AlignmentMode dkimAlignment;
  private final AlignmentMode spfAlignment;
  private final List<ReportUri> aggregateReportUris;
  private final List<ReportUri> failureReportUris;
  private final Set<FailureReportOption> failureReportOptions;
  private final List<String> reportFormats;
  private final long reportInterval;
  private final String policyFallback;

  DmarcRecord(RecordParser p) {
    this.text = p.text;
    this.tags = p.tags;
    this.policy = p.policy;
    this.subdomainPolicy = p.subdomainPolicy;
    this.nonExistentPolicy = p.nonExistentPolicy;
    this.psd = p.psd;
    this.testing = p.testing;
    this.percent = p.percent;
    this.dkimAlignment = p.dkimAlignment;
    this.spfAlignment = p.spfAlignment;
    this.aggregateReportUris = List.copyOf(p.aggregateReportUris);
    this.failureReportUris = List.copyOf(p.failureReportUris);
    this.failureReportOptions = Set.copyOf(p.failureReportOptions);
    this.reportFormats = List.copyOf(p.reportFormats);
    this.reportInterval = p.reportInterval;
    this.policyFallback = p.policyFallback;
  }

  /**
   * Parses a DMARC record, strictly: any tag with a bad value makes the record invalid.
   *
   * @param text the TXT record, its strings joined
   * @return the parsed record
   * @throws DmarcRecordException naming the tag and the problem, when the record is not valid
   */
  public static DmarcRecord parse(String text) {
    return RecordParser.parse(Objects.requireNonNull(text, "text"), false);
  }

  /**
   * Parses a record found during policy discovery. Like {@link #parse}, except that a missing or
   * invalid {@code p=}, or an invalid {@code sp=} or {@code np=}, is read as {@code p=none} when
   * {@code rua=} has a valid URI (RFC 7489 section 6.6.3 step 6).
   */
  static DmarcRecord parseForPolicy(String text) {
    return RecordParser.parse(text, true);
  }

  /**
   * True when the text starts with {@code v=DMARC1}: the test RFC 7489 section 6.6.3 uses to keep
   * the DMARC records among the TXT records at a name. Such a record may still be invalid.
   *
   * @param text a TXT record, its strings joined
   * @return {@code true} if the record is a DMARC record by that test
   */
  public static boolean isDmarcRecord(String text) {
    return RecordParser.startsWithVersion(text);
  }

  /**
   * Returns the record text as received.
   *
   * @return the record text
   */
  public String text() {
    return text;
  }

  /**
   * Returns the tags as parsed (names as written), unknown tags included.
   *
   * @return the tag list, in record order
   */
  public TagList tags() {
    return tags;
  }

  /**
   * Returns {@code p=}: the policy for the domain itself (and its subdomains without sp=).
   *
   * @return the policy, never {@code null}
   */
  public DmarcPolicy policy() {
    return policy;
  }

  /**
   * Returns {@code sp=}, the policy for subdomains, or {@link #policy()} when absent.
   *
   * @return the effective subdomain policy
   */
  public DmarcPolicy subdomainPolicy() {
    return subdomainPolicy != null ? subdomainPolicy : policy;
  }

  /**
   * Returns {@code np=} (RFC 9989, first in RFC 9091), the policy for subdomains that do not exist,
   * or {@link #subdomainPolicy()} when absent.
   *
   * @return the effective policy for non-existent subdomains
   */
  public DmarcPolicy nonExistentSubdomainPolicy() {
    return nonExistentPolicy != null ? nonExistentPolicy : subdomainPolicy();
  }

  /**
   * Returns {@code sp=} when the record has it.
   *
   * @return the {@code sp=} policy, or empty when the record has no valid {@code sp=}
   */
  public Optional<DmarcPolicy> explicitSubdomainPolicy() {
    return Optional.ofNullable(subdomainPolicy);
  }

  /**
   * Returns {@code np=} when the record has it.
   *
   * @return the {@code np=} policy, or empty when the record has no valid {@code np=}
   */
  public Optional<DmarcPolicy> explicitNonExistentSubdomainPolicy() {
    return Optional.ofNullable(nonExistentPolicy);
  }

  /**
   * Returns {@code psd=} (RFC 9989); {@link PsdFlag#UNSPECIFIED} when absent.
   *
   * @return the flag
   */
  public PsdFlag psd() {
    return psd;
  }

  /**
   * True for {@code t=y} (RFC 9989): the Domain Owner is testing its policy, and receivers apply
   * the next less severe disposition, as for {@code pct=0}.
   *
   * @return {@code true} if the record has {@code t=y}
   */
  public boolean testing() {
    return testing;
  }

  /**
   * Returns {@code pct=} (RFC 7489 section 6.6.4), the percentage of failing mail the policy
   * applies to; 100 when absent. RFC 9989 drops the tag in favour of {@code t=}.
   *
   * @return 0 to 100
   */
  public int percent() {
    return percent;
  }

  /**
   * Returns {@code adkim=}, the DKIM alignment mode; relaxed when absent.
   *
   * @return {@link AlignmentMode#RELAXED} or {@link AlignmentMode#STRICT}
   */
  public AlignmentMode dkimAlignment() {
    return dkimAlignment;
  }

  /**
   * Returns {@code aspf=}, the SPF alignment mode; relaxed when absent.
   *
   * @return {@link AlignmentMode#RELAXED} or {@link AlignmentMode#STRICT}
   */
  public AlignmentMode spfAlignment() {
    return spfAlignment;
  }

  /**
   * Returns the {@code rua=} URIs for aggregate reports, in order; empty when absent.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<ReportUri> aggregateReportUris() {
    return aggregateReportUris;
  }

  /**
   * Returns the {@code ruf=} URIs for failure reports, in order; empty when absent.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<ReportUri> failureReportUris() {
    return failureReportUris;
  }

  /**
   * Returns the {@code fo=} options; {@code {ALL_FAILED}} ({@code fo=0}) when absent.
   *
   * @return an unmodifiable set, never empty
   */
  public Set<FailureReportOption> failureReportOptions() {
    return failureReportOptions;
  }

  /**
   * Returns the {@code rf=} failure report formats, lowercase; {@code [afrf]} when absent.
   *
   * @return an unmodifiable list, never empty
   */
  public List<String> reportFormats() {
    return reportFormats;
  }

  /**
   * Returns {@code ri=}, the requested aggregate report interval in seconds; 86400 when absent.
   *
   * @return the interval in seconds
   */
  public long reportInterval() {
    return reportInterval;
  }

  /**
   * Says why this record's policy was read as {@code none} although the record does not say so (RFC
   * 7489 section 6.6.3 step 6); empty for a record that parsed strictly.
   */
  Optional<String> policyFallback() {
    return Optional.ofNullable(policyFallback);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DmarcRecord other
        && text.equals(other.text)
        && Objects.equals(policyFallback, other.policyFallback);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
