package org.dkim4j.dmarc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.dkim4j.dns.TxtLookup;

/**
 * The DMARC evaluation of one message (RFC 7489 section 6.6, RFC 9989): policy discovery,
 * identifier alignment, policy selection, sampling. Not thread-safe: one per message.
 */
final class Evaluation {

  private final OrganizationalDomainStrategy strategy;
  private final RandomGenerator random;
  private final DnsLookups lookups;
  private final AuthorDomain author;
  private final DmarcVerdict.Builder verdict;
  private String domain;
  private OrganizationalDomain authorOrganizationalDomain;
  private String temporaryProblem;
  private String limitProblem;

  Evaluation(
      OrganizationalDomainStrategy strategy,
      RandomGenerator random,
      DnsLookups lookups,
      AuthorDomain author) {
    this.strategy = strategy;
    this.random = random;
    this.lookups = lookups;
    this.author = author;
    this.verdict = DmarcVerdict.builder(author);
  }

  DmarcVerdict run(Collection<String> dkimPassDomains, SpfInput spf) {
    if (author.domain().isEmpty()) {
      return verdict.result(DmarcResult.PERMERROR).reason(author.problem().orElseThrow()).build();
    }
    domain = author.domain().get();
    Discovery discovery;
    try {
      discovery = strategy.discover(domain, lookups);
    } catch (DnsLookups.LimitReached e) {
      return verdict.result(DmarcResult.PERMERROR).reason(e.getMessage()).build();
    }
    verdict.reasons(discovery.notes());
    switch (discovery.kind()) {
      case TEMPORARY_FAILURE:
        return verdict.result(DmarcResult.TEMPERROR).reason(discovery.problem()).build();
      case NOT_FOUND:
        return verdict.result(DmarcResult.NONE).reason(discovery.problem()).build();
      default:
        break;
    }
    DmarcRecord record;
    try {
      record = DmarcRecord.parseForPolicy(discovery.text());
    } catch (DmarcRecordException e) {
      return verdict
          .result(DmarcResult.PERMERROR)
          .reason("invalid DMARC record at _dmarc." + discovery.domain() + ": " + e.getMessage())
          .build();
    }
    verdict.record(record, discovery.domain());
    verdict.reason("DMARC record at _dmarc." + discovery.domain());
    record.policyFallback().ifPresent(verdict::reason);

    boolean dkimAligned = alignDkim(dkimPassDomains, record.dkimAlignment());
    boolean spfAligned = alignSpf(spf, record.spfAlignment());
    if (dkimAligned || spfAligned) {
      verdict.policyScope(scopeWithoutLookup(discovery.domain()));
      return verdict.result(DmarcResult.PASS).build();
    }
    if (temporaryProblem != null) {
      return verdict.result(DmarcResult.TEMPERROR).build();
    }
    PolicyScope scope = scope(record, discovery.domain());
    if (scope == null) {
      return verdict.result(DmarcResult.TEMPERROR).build();
    }
    verdict.policyScope(scope).result(DmarcResult.FAIL);
    decideDisposition(record, scope);
    return verdict.build();
  }

  private boolean alignDkim(Collection<String> passDomains, AlignmentMode mode) {
    Set<String> candidates = new LinkedHashSet<>();
    for (String d : passDomains) {
      String normalized = Domains.normalize(d);
      if (normalized != null) {
        candidates.add(normalized);
      }
    }
    if (candidates.isEmpty()) {
      verdict.dkim(AlignmentResult.NONE, null).reason("DKIM: no passing signature");
      return false;
    }
    // Exact matches first: they align in both modes and cost no DNS query.
    List<String> ordered = new ArrayList<>(candidates);
    ordered.sort((a, b) -> Boolean.compare(!a.equals(domain), !b.equals(domain)));
    for (String d : ordered) {
      if (aligned(d, mode)) {
        verdict
            .dkim(AlignmentResult.PASS, d)
            .reason("DKIM: d=" + d + " passed and is aligned (" + modeName(mode) + ")");
        return true;
      }
    }
    verdict
        .dkim(AlignmentResult.FAIL, null)
        .reason(
            "DKIM: passing d="
                + String.join(", d=", candidates)
                + " not aligned ("
                + modeName(mode)
                + ")");
    return false;
  }

  private boolean alignSpf(SpfInput spf, AlignmentMode mode) {
    if (spf.result() != SpfResult.PASS) {
      verdict.spf(AlignmentResult.NONE).reason("SPF: " + spf.result().resultName());
      return false;
    }
    String normalized = Domains.normalize(spf.domain());
    if (normalized == null) {
      verdict
          .spf(AlignmentResult.NONE)
          .reason("SPF: pass for \"" + spf.domain() + "\", which is not a domain name");
      return false;
    }
    if (aligned(normalized, mode)) {
      verdict
          .spf(AlignmentResult.PASS)
          .reason("SPF: " + normalized + " passed and is aligned (" + modeName(mode) + ")");
      return true;
    }
    verdict
        .spf(AlignmentResult.FAIL)
        .reason("SPF: " + normalized + " passed but is not aligned (" + modeName(mode) + ")");
    return false;
  }

  /** RFC 7489 section 3.1: strict is equality; relaxed is equal Organizational Domains. */
  private boolean aligned(String identifier, AlignmentMode mode) {
    if (identifier.equals(domain)) {
      return true;
    }
    if (mode == AlignmentMode.STRICT) {
      return false;
    }
    OrganizationalDomain authorOrg = authorOrganizationalDomain();
    if (!authorOrg.known()) {
      return false;
    }
    // An Organizational Domain is the name itself or an ancestor, so a name outside the author's
    // Organizational Domain cannot share it: no query needed.
    if (!Domains.isWithin(identifier, authorOrg.domain())) {
      return false;
    }
    OrganizationalDomain org = organizationalDomain(identifier);
    return org.known() && org.domain().equals(authorOrg.domain());
  }

  private OrganizationalDomain authorOrganizationalDomain() {
    if (authorOrganizationalDomain == null) {
      authorOrganizationalDomain = organizationalDomain(domain);
    }
    return authorOrganizationalDomain;
  }

  private OrganizationalDomain organizationalDomain(String name) {
    OrganizationalDomain org;
    try {
      org = strategy.organizationalDomain(name, lookups);
    } catch (DnsLookups.LimitReached e) {
      org = OrganizationalDomain.unknown(e.getMessage(), false);
    }
    if (!org.known()) {
      String problem = "Organizational Domain of " + name + " unknown: " + org.problem();
      verdict.reason(problem);
      if (org.temporary()) {
        temporaryProblem = problem;
      } else {
        limitProblem = problem;
      }
    }
    return org;
  }

  private PolicyScope scopeWithoutLookup(String policyDomain) {
    return policyDomain.equals(domain) ? PolicyScope.DOMAIN : PolicyScope.SUBDOMAIN;
  }

  /**
   * Which policy applies: p= at the Author Domain itself; else np= when the Author Domain does not
   * exist (only asked when np= is present and differs from sp=), else sp=. Null after a temporary
   * DNS failure.
   */
  private PolicyScope scope(DmarcRecord record, String policyDomain) {
    if (policyDomain.equals(domain)) {
      return PolicyScope.DOMAIN;
    }
    if (record.explicitNonExistentSubdomainPolicy().isEmpty()
        || record.nonExistentSubdomainPolicy() == record.subdomainPolicy()) {
      return PolicyScope.SUBDOMAIN;
    }
    TxtLookup answer;
    try {
      answer = lookups.txt(domain);
    } catch (DnsLookups.LimitReached e) {
      verdict.reason(e.getMessage() + "; " + domain + " taken to exist");
      return PolicyScope.SUBDOMAIN;
    }
    if (answer instanceof TxtLookup.TemporaryFailure failure) {
      verdict.reason(
          "temporary DNS failure asking whether " + domain + " exists (" + failure.detail() + ")");
      return null;
    }
    if (answer instanceof TxtLookup.NotFound notFound && !notFound.nameExists()) {
      verdict.reason(domain + " does not exist (NXDOMAIN): np= applies");
      return PolicyScope.NON_EXISTENT_SUBDOMAIN;
    }
    return PolicyScope.SUBDOMAIN;
  }

  private void decideDisposition(DmarcRecord record, PolicyScope scope) {
    DmarcPolicy policy =
        switch (scope) {
          case DOMAIN -> record.policy();
          case SUBDOMAIN -> record.subdomainPolicy();
          case NON_EXISTENT_SUBDOMAIN -> record.nonExistentSubdomainPolicy();
        };
    if (limitProblem != null) {
      verdict.reason("alignment not fully checked; the policy applies");
    }
    boolean reduced = false;
    if (record.testing()) {
      reduced = true;
      verdict.reason("t=y: the policy is in testing mode; one step less severe");
    } else if (record.percent() < 100) {
      boolean selected = record.percent() > 0 && random.nextInt(100) < record.percent();
      if (!selected) {
        reduced = true;
        verdict.reason("pct=" + record.percent() + ": not selected; one step less severe");
      }
    }
    DmarcPolicy applied = reduced ? policy.reduced() : policy;
    verdict
        .disposition(Disposition.of(applied), reduced && policy != DmarcPolicy.NONE)
        .reason(
            scope.tag() + "=" + policy.tagValue() + " applies: disposition " + applied.tagValue());
  }

  private static String modeName(AlignmentMode mode) {
    return mode == AlignmentMode.STRICT ? "strict" : "relaxed";
  }
}
