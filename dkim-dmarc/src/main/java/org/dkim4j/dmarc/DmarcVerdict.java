package org.dkim4j.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dkim4j.auth.ResultEntry;

/**
 * The DMARC verdict on one message (RFC 7489 section 6.6, RFC 9989): the result, the record that
 * applied and where it was found, which of its policies applied, the disposition after {@code pct=}
 * and {@code t=}, how each mechanism aligned, and the reasons. Immutable.
 *
 * <p>{@link #authenticationResultsEntry()} gives the ready Authentication-Results method entry,
 * e.g. {@code dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.com}.
 */
public final class DmarcVerdict {

  private final DmarcResult result;
  private final AuthorDomain author;
  private final DmarcRecord record;
  private final String policyDomain;
  private final PolicyScope policyScope;
  private final Disposition disposition;
  private final boolean policyReduced;
  private final AlignmentResult dkimAlignment;
  private final AlignmentResult spfAlignment;
  private final String alignedDkimDomain;
  private final List<String> reasons;

  private DmarcVerdict(Builder b) {
    this.result = Objects.requireNonNull(b.result, "result");
    this.author = Objects.requireNonNull(b.author, "author");
    this.record = b.record;
    this.policyDomain = b.policyDomain;
    this.policyScope = b.policyScope;
    this.disposition = b.disposition;
    this.policyReduced = b.policyReduced;
    this.dkimAlignment = b.dkimAlignment;
    this.spfAlignment = b.spfAlignment;
    this.alignedDkimDomain = b.alignedDkimDomain;
    this.reasons = List.copyOf(b.reasons);
  }

  static Builder builder(AuthorDomain author) {
    return new Builder(author);
  }

  /**
   * Returns the result.
   *
   * @return the result, never {@code null}
   */
  public DmarcResult result() {
    return result;
  }

  /**
   * True when the result is {@link DmarcResult#PASS}.
   *
   * @return {@code true} for a pass, {@code false} for every other result
   */
  public boolean passed() {
    return result == DmarcResult.PASS;
  }

  /**
   * Returns the Author Domain (lowercase A-labels), when the message has exactly one.
   *
   * @return the domain, or empty when the message has no single Author Domain
   */
  public Optional<String> authorDomain() {
    return author.domain();
  }

  /**
   * Returns the Author Domain or the reason the message has none.
   *
   * @return the Author Domain, never {@code null}
   */
  public AuthorDomain author() {
    return author;
  }

  /**
   * Returns the DMARC record that applied. When its {@code p=} was missing or invalid and was read
   * as {@code none} (RFC 7489 section 6.6.3 step 6), the reasons say so.
   *
   * @return the record, or empty when none applied
   */
  public Optional<DmarcRecord> record() {
    return Optional.ofNullable(record);
  }

  /**
   * Returns the domain whose {@code _dmarc} name held the record.
   *
   * @return the domain, e.g. {@code example.com} for {@code _dmarc.example.com}; empty when no
   *     record applied
   */
  public Optional<String> policyDomain() {
    return Optional.ofNullable(policyDomain);
  }

  /**
   * Returns which of the record's policies applied to the Author Domain.
   *
   * @return the scope, or empty when no record applied
   */
  public Optional<PolicyScope> policyScope() {
    return Optional.ofNullable(policyScope);
  }

  /**
   * Returns the policy that applied ({@code p=}, {@code sp=} or {@code np=}), before sampling.
   *
   * @return the policy, or empty when no record applied
   */
  public Optional<DmarcPolicy> policy() {
    if (record == null || policyScope == null) {
      return Optional.empty();
    }
    switch (policyScope) {
      case DOMAIN:
        return Optional.of(record.policy());
      case SUBDOMAIN:
        return Optional.of(record.subdomainPolicy());
      default:
        return Optional.of(record.nonExistentSubdomainPolicy());
    }
  }

  /**
   * Returns what to do with the message: for a failing message, the policy, one step less severe
   * when {@link #policyReduced()}; {@link Disposition#NONE} for every other result.
   *
   * @return the disposition, never {@code null}
   */
  public Disposition disposition() {
    return disposition;
  }

  /**
   * True when a failing message gets the next less severe disposition than its policy: it was not
   * selected by {@code pct=} (RFC 7489 section 6.6.4), or the record has {@code t=y} (RFC 9989).
   *
   * @return {@code true} if the disposition was reduced
   */
  public boolean policyReduced() {
    return policyReduced;
  }

  /**
   * Returns how DKIM aligned: a passing signature with an aligned {@code d=}, or not.
   *
   * @return the DKIM alignment result
   */
  public AlignmentResult dkimAlignment() {
    return dkimAlignment;
  }

  /**
   * Returns how SPF aligned: a pass for an aligned domain, or not.
   *
   * @return the SPF alignment result
   */
  public AlignmentResult spfAlignment() {
    return spfAlignment;
  }

  /**
   * Returns the {@code d=} of the first passing, aligned DKIM signature.
   *
   * @return the domain, or empty when no passing signature aligned
   */
  public Optional<String> alignedDkimDomain() {
    return Optional.ofNullable(alignedDkimDomain);
  }

  /**
   * Returns why the verdict is what it is, in the order things were found; never empty.
   *
   * @return an unmodifiable list of sentences
   */
  public List<String> reasons() {
    return reasons;
  }

  /**
   * Returns the Authentication-Results method entry (RFC 8601 section 2.2, RFC 7489 section 11.2),
   * e.g. {@code dmarc=fail (p=REJECT sp=NONE dis=QUARANTINE) header.from=example.com}. The comment
   * is written when a record applied: its {@code p=} and effective {@code sp=}, and the
   * disposition, uppercase, in the form large receivers use. {@code header.from} is left out when
   * the message has no single Author Domain.
   *
   * @return the entry, without the {@code Authentication-Results:} field name and authserv-id
   */
  public String authenticationResultsEntry() {
    return toResultEntry().format();
  }

  /**
   * Returns the verdict as an RFC 8601 {@code dmarc} resinfo (RFC 7489 section 11.2): the result, a
   * comment with the policy and disposition when a record applied, and {@code header.from}.
   *
   * @return the resinfo
   */
  public ResultEntry toResultEntry() {
    ResultEntry.Builder entry = ResultEntry.builder("dmarc", result.resultName());
    if (record != null) {
      entry.comment(
          "p="
              + record.policy().name()
              + " sp="
              + record.subdomainPolicy().name()
              + " dis="
              + disposition.commentName());
    }
    author.domain().ifPresent(d -> entry.property("header", "from", d));
    return entry.build();
  }

  @Override
  public String toString() {
    return authenticationResultsEntry() + " " + reasons;
  }

  /** Collects a verdict. */
  static final class Builder {
    private final AuthorDomain author;
    private DmarcResult result;
    private DmarcRecord record;
    private String policyDomain;
    private PolicyScope policyScope;
    private Disposition disposition = Disposition.NONE;
    private boolean policyReduced;
    private AlignmentResult dkimAlignment = AlignmentResult.NONE;
    private AlignmentResult spfAlignment = AlignmentResult.NONE;
    private String alignedDkimDomain;
    private final List<String> reasons = new ArrayList<>();

    private Builder(AuthorDomain author) {
      this.author = author;
    }

    Builder result(DmarcResult result) {
      this.result = result;
      return this;
    }

    Builder record(DmarcRecord record, String domain) {
      this.record = record;
      this.policyDomain = domain;
      return this;
    }

    Builder policyScope(PolicyScope scope) {
      this.policyScope = scope;
      return this;
    }

    Builder disposition(Disposition disposition, boolean reduced) {
      this.disposition = disposition;
      this.policyReduced = reduced;
      return this;
    }

    Builder dkim(AlignmentResult alignment, String alignedDomain) {
      this.dkimAlignment = alignment;
      this.alignedDkimDomain = alignedDomain;
      return this;
    }

    Builder spf(AlignmentResult alignment) {
      this.spfAlignment = alignment;
      return this;
    }

    Builder reason(String reason) {
      reasons.add(reason);
      return this;
    }

    Builder reasons(List<String> more) {
      reasons.addAll(more);
      return this;
    }

    DmarcVerdict build() {
      return new DmarcVerdict(this);
    }
  }
}
