package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.dns.TxtResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DmarcEvaluatorTest {

  private static final PublicSuffixList PSL =
      PublicSuffixList.parse("com\norg\nexample\nco.example\n");

  static Stream<OrganizationalDomainStrategy> strategies() {
    return Stream.of(
        OrganizationalDomainStrategy.treeWalk(),
        OrganizationalDomainStrategy.publicSuffixList(PSL));
  }

  private final List<String> asked = new ArrayList<>();

  private DmarcEvaluator evaluator(
      InMemoryTxtResolver zone, OrganizationalDomainStrategy strategy, int random) {
    TxtResolver counting =
        name -> {
          asked.add(name);
          return zone.lookup(name);
        };
    return DmarcEvaluator.builder()
        .resolver(counting)
        .organizationalDomains(strategy)
        .random(new FixedRandom(random))
        .build();
  }

  private static InMemoryTxtResolver zone(String record) {
    return InMemoryTxtResolver.builder().txt("_dmarc.example.com", record).build();
  }

  private DmarcVerdict evaluate(
      String record,
      String author,
      List<String> dkim,
      SpfInput spf,
      OrganizationalDomainStrategy s) {
    return evaluator(zone(record), s, 0).evaluate(AuthorDomain.of(author), dkim, spf);
  }

  // Alignment

  @ParameterizedTest
  @MethodSource("strategies")
  void strictDkimAlignmentNeedsTheSameDomain(OrganizationalDomainStrategy s) {
    String record = "v=DMARC1; p=reject; adkim=s";
    DmarcVerdict exact =
        evaluate(record, "example.com", List.of("EXAMPLE.com"), SpfInput.none(), s);
    assertEquals(DmarcResult.PASS, exact.result());
    assertEquals(AlignmentResult.PASS, exact.dkimAlignment());
    assertEquals("example.com", exact.alignedDkimDomain().orElseThrow());
    DmarcVerdict sub =
        evaluate(record, "example.com", List.of("mail.example.com"), SpfInput.none(), s);
    assertEquals(DmarcResult.FAIL, sub.result());
    assertEquals(AlignmentResult.FAIL, sub.dkimAlignment());
    assertEquals(Disposition.REJECT, sub.disposition());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void relaxedDkimAlignmentAcceptsTheSameOrganizationalDomain(OrganizationalDomainStrategy s) {
    String record = "v=DMARC1; p=reject";
    assertEquals(
        DmarcResult.PASS,
        evaluate(record, "news.example.com", List.of("mail.example.com"), SpfInput.none(), s)
            .result());
    assertEquals(
        DmarcResult.PASS,
        evaluate(record, "example.com", List.of("mail.example.com"), SpfInput.none(), s).result());
    DmarcVerdict other =
        evaluate(record, "example.com", List.of("example.org", "evil.com"), SpfInput.none(), s);
    assertEquals(DmarcResult.FAIL, other.result());
    assertEquals(AlignmentResult.FAIL, other.dkimAlignment());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void strictSpfAlignmentNeedsTheSameDomain(OrganizationalDomainStrategy s) {
    String record = "v=DMARC1; p=quarantine; aspf=s";
    assertEquals(
        AlignmentResult.PASS,
        evaluate(record, "example.com", List.of(), SpfInput.of("example.com.", SpfResult.PASS), s)
            .spfAlignment());
    DmarcVerdict sub =
        evaluate(
            record, "example.com", List.of(), SpfInput.of("bounce.example.com", SpfResult.PASS), s);
    assertEquals(AlignmentResult.FAIL, sub.spfAlignment());
    assertEquals(DmarcResult.FAIL, sub.result());
    assertEquals(Disposition.QUARANTINE, sub.disposition());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void relaxedSpfAlignmentAcceptsTheSameOrganizationalDomain(OrganizationalDomainStrategy s) {
    DmarcVerdict verdict =
        evaluate(
            "v=DMARC1; p=reject",
            "example.com",
            List.of(),
            SpfInput.of("bounce.example.com", SpfResult.PASS),
            s);
    assertEquals(DmarcResult.PASS, verdict.result());
    assertEquals(AlignmentResult.PASS, verdict.spfAlignment());
    assertEquals(AlignmentResult.NONE, verdict.dkimAlignment());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void onlyAnSpfPassCanAlign(OrganizationalDomainStrategy s) {
    for (SpfResult result : SpfResult.values()) {
      if (result == SpfResult.PASS) {
        continue;
      }
      DmarcVerdict verdict =
          evaluate(
              "v=DMARC1; p=reject",
              "example.com",
              List.of(),
              SpfInput.of("example.com", result),
              s);
      assertEquals(DmarcResult.FAIL, verdict.result(), result.name());
      assertEquals(AlignmentResult.NONE, verdict.spfAlignment());
    }
  }

  @Test
  void treeWalkRelaxedAlignmentSkipsQueriesForNamesOutsideTheOrganizationalDomain() {
    evaluate(
        "v=DMARC1; p=reject",
        "example.com",
        List.of("a.b.c.d.other.org"),
        SpfInput.of("x.y.z.elsewhere.org", SpfResult.PASS),
        OrganizationalDomainStrategy.treeWalk());
    assertEquals(List.of("_dmarc.example.com", "_dmarc.com"), asked);
  }

  @Test
  void psdFlagsSteerTreeWalkAlignmentButNotThePublicSuffixList() {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt("_dmarc.mail.example.com", "v=DMARC1; p=reject; psd=n")
            .txt("_dmarc.example.com", "v=DMARC1; p=reject")
            .build();
    AuthorDomain author = AuthorDomain.of("a.mail.example.com");
    SpfInput spf = SpfInput.of("example.com", SpfResult.PASS);
    assertEquals(
        DmarcResult.FAIL,
        evaluator(zone, OrganizationalDomainStrategy.treeWalk(), 0)
            .evaluate(author, List.of(), spf)
            .result());
    assertEquals(
        DmarcResult.PASS,
        evaluator(zone, OrganizationalDomainStrategy.publicSuffixList(PSL), 0)
            .evaluate(author, List.of(), spf)
            .result());
  }

  // Policy discovery and choice

  @ParameterizedTest
  @MethodSource("strategies")
  void thePolicyOfTheAuthorDomainItselfIsP(OrganizationalDomainStrategy s) {
    DmarcVerdict verdict =
        evaluate(
            "v=DMARC1; p=reject; sp=none; np=none", "example.com", List.of(), SpfInput.none(), s);
    assertEquals(PolicyScope.DOMAIN, verdict.policyScope().orElseThrow());
    assertEquals(DmarcPolicy.REJECT, verdict.policy().orElseThrow());
    assertEquals("example.com", verdict.policyDomain().orElseThrow());
    assertEquals(Disposition.REJECT, verdict.disposition());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void anExistingSubdomainGetsSp(OrganizationalDomainStrategy s) {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=quarantine; np=none")
            .noData("sub.example.com")
            .build();
    DmarcVerdict verdict =
        evaluator(zone, s, 0)
            .evaluate(AuthorDomain.of("sub.example.com"), List.of(), SpfInput.none());
    assertEquals(DmarcResult.FAIL, verdict.result());
    assertEquals(PolicyScope.SUBDOMAIN, verdict.policyScope().orElseThrow());
    assertEquals(Disposition.QUARANTINE, verdict.disposition());
    assertEquals("example.com", verdict.policyDomain().orElseThrow());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void aNonExistentSubdomainGetsNp(OrganizationalDomainStrategy s) {
    DmarcVerdict verdict =
        evaluate(
            "v=DMARC1; p=none; sp=quarantine; np=reject",
            "ghost.example.com",
            List.of(),
            SpfInput.none(),
            s);
    assertEquals(PolicyScope.NON_EXISTENT_SUBDOMAIN, verdict.policyScope().orElseThrow());
    assertEquals(Disposition.REJECT, verdict.disposition());
    assertTrue(asked.contains("ghost.example.com"), asked.toString());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void withoutNpTheExistenceOfTheSubdomainIsNotAsked(OrganizationalDomainStrategy s) {
    DmarcVerdict verdict =
        evaluate("v=DMARC1; p=none; sp=reject", "ghost.example.com", List.of(), SpfInput.none(), s);
    assertEquals(PolicyScope.SUBDOMAIN, verdict.policyScope().orElseThrow());
    assertEquals(Disposition.REJECT, verdict.disposition());
    assertFalse(asked.contains("ghost.example.com"), asked.toString());
  }

  @Test
  void aTemporaryFailureAskingForExistenceIsTemperror() {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt("_dmarc.example.com", "v=DMARC1; p=reject; np=none")
            .temporaryFailure("sub.example.com")
            .build();
    assertEquals(
        DmarcResult.TEMPERROR,
        evaluator(zone, OrganizationalDomainStrategy.treeWalk(), 0)
            .evaluate(AuthorDomain.of("sub.example.com"), List.of(), SpfInput.none())
            .result());
  }

  @Test
  void theTreeWalkFindsRecordsBetweenTheAuthorAndOrganizationalDomains() {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt("_dmarc.example.com", "v=DMARC1; p=none")
            .txt("_dmarc.mail.example.com", "v=DMARC1; p=reject; sp=quarantine")
            .build();
    AuthorDomain author = AuthorDomain.of("a.mail.example.com");
    DmarcVerdict walked =
        evaluator(zone, OrganizationalDomainStrategy.treeWalk(), 0)
            .evaluate(author, List.of(), SpfInput.none());
    assertEquals("mail.example.com", walked.policyDomain().orElseThrow());
    assertEquals(Disposition.QUARANTINE, walked.disposition());
    DmarcVerdict listed =
        evaluator(zone, OrganizationalDomainStrategy.publicSuffixList(PSL), 0)
            .evaluate(author, List.of(), SpfInput.none());
    assertEquals("example.com", listed.policyDomain().orElseThrow());
    assertEquals(Disposition.NONE, listed.disposition());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void noRecordMeansNone(OrganizationalDomainStrategy s) {
    DmarcVerdict verdict =
        evaluator(
                InMemoryTxtResolver.builder().txt("_dmarc.example.com", "v=spf1 -all").build(),
                s,
                0)
            .evaluate(AuthorDomain.of("a.example.com"), List.of(), SpfInput.none());
    assertEquals(DmarcResult.NONE, verdict.result());
    assertEquals(Disposition.NONE, verdict.disposition());
    assertTrue(verdict.record().isEmpty());
    assertEquals("dmarc=none header.from=a.example.com", verdict.authenticationResultsEntry());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void aDnsFailureDuringDiscoveryIsTemperror(OrganizationalDomainStrategy s) {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder().temporaryFailure("_dmarc.example.com").build();
    DmarcVerdict verdict =
        evaluator(zone, s, 0)
            .evaluate(AuthorDomain.of("example.com"), List.of("example.com"), SpfInput.none());
    assertEquals(DmarcResult.TEMPERROR, verdict.result());
    assertEquals(Disposition.NONE, verdict.disposition());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void anInvalidRecordIsPermerrorNamingTheTag(OrganizationalDomainStrategy s) {
    DmarcVerdict verdict =
        evaluate(
            "v=DMARC1; p=reject; adkim=x",
            "example.com",
            List.of("example.com"),
            SpfInput.none(),
            s);
    assertEquals(DmarcResult.PERMERROR, verdict.result());
    assertTrue(
        verdict
            .reasons()
            .get(verdict.reasons().size() - 1)
            .contains("adkim=: unknown value \"x\""));
    assertEquals(Disposition.NONE, verdict.disposition());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void aBadPolicyWithAValidRuaIsReadAsNone(OrganizationalDomainStrategy s) {
    DmarcVerdict verdict =
        evaluate(
            "v=DMARC1; p=bogus; rua=mailto:d@example.com",
            "example.com",
            List.of(),
            SpfInput.none(),
            s);
    assertEquals(DmarcResult.FAIL, verdict.result());
    assertEquals(DmarcPolicy.NONE, verdict.policy().orElseThrow());
    assertEquals(Disposition.NONE, verdict.disposition());
    assertTrue(verdict.reasons().stream().anyMatch(r -> r.contains("read as p=none")));
  }

  @Test
  void severalRecordsAtTheAuthorDomainMeanNoPolicyUnderRfc7489() {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt("_dmarc.a.example.com", "v=DMARC1; p=none")
            .txt("_dmarc.a.example.com", "v=DMARC1; p=reject")
            .txt("_dmarc.example.com", "v=DMARC1; p=reject")
            .build();
    DmarcVerdict verdict =
        evaluator(zone, OrganizationalDomainStrategy.publicSuffixList(PSL), 0)
            .evaluate(AuthorDomain.of("a.example.com"), List.of(), SpfInput.none());
    assertEquals(DmarcResult.NONE, verdict.result());
    assertTrue(verdict.reasons().get(0).contains("2 DMARC records"), verdict.reasons().toString());
    // RFC 9989's walk discards them and goes on to the parent.
    assertEquals(
        "example.com",
        evaluator(zone, OrganizationalDomainStrategy.treeWalk(), 0)
            .evaluate(AuthorDomain.of("a.example.com"), List.of(), SpfInput.none())
            .policyDomain()
            .orElseThrow());
  }

  // pct= and t=

  @Test
  void pctZeroNeverAppliesThePolicyInFull() {
    FixedRandom random = new FixedRandom(0);
    DmarcVerdict verdict =
        DmarcEvaluator.builder()
            .resolver(zone("v=DMARC1; p=reject; pct=0"))
            .random(random)
            .build()
            .evaluate(AuthorDomain.of("example.com"), List.of(), SpfInput.none());
    assertEquals(Disposition.QUARANTINE, verdict.disposition());
    assertTrue(verdict.policyReduced());
    assertEquals(0, random.draws);
  }

  @Test
  void pctHundredAlwaysAppliesThePolicy() {
    FixedRandom random = new FixedRandom(99);
    DmarcVerdict verdict =
        DmarcEvaluator.builder()
            .resolver(zone("v=DMARC1; p=quarantine; pct=100"))
            .random(random)
            .build()
            .evaluate(AuthorDomain.of("example.com"), List.of(), SpfInput.none());
    assertEquals(Disposition.QUARANTINE, verdict.disposition());
    assertFalse(verdict.policyReduced());
    assertEquals(0, random.draws);
  }

  @Test
  void pctFiftySelectsDrawsBelowFifty() {
    for (int draw : new int[] {0, 49}) {
      DmarcVerdict selected =
          evaluator(
                  zone("v=DMARC1; p=reject; pct=50"), OrganizationalDomainStrategy.treeWalk(), draw)
              .evaluate(AuthorDomain.of("example.com"), List.of(), SpfInput.none());
      assertEquals(Disposition.REJECT, selected.disposition(), "draw " + draw);
    }
    for (int draw : new int[] {50, 99}) {
      DmarcVerdict spared =
          evaluator(
                  zone("v=DMARC1; p=quarantine; pct=50"),
                  OrganizationalDomainStrategy.treeWalk(),
                  draw)
              .evaluate(AuthorDomain.of("example.com"), List.of(), SpfInput.none());
      assertEquals(Disposition.NONE, spared.disposition(), "draw " + draw);
      assertTrue(spared.policyReduced());
    }
  }

  @Test
  void pctDoesNotTouchPassingMail() {
    FixedRandom random = new FixedRandom(99);
    DmarcVerdict verdict =
        DmarcEvaluator.builder()
            .resolver(zone("v=DMARC1; p=reject; pct=50"))
            .random(random)
            .build()
            .evaluate(AuthorDomain.of("example.com"), List.of("example.com"), SpfInput.none());
    assertEquals(Disposition.NONE, verdict.disposition());
    assertEquals(0, random.draws);
  }

  @Test
  void testingModeLowersTheDispositionOneStep() {
    DmarcVerdict verdict =
        evaluate(
            "v=DMARC1; p=reject; t=y",
            "example.com",
            List.of(),
            SpfInput.none(),
            OrganizationalDomainStrategy.treeWalk());
    assertEquals(DmarcResult.FAIL, verdict.result());
    assertEquals(Disposition.QUARANTINE, verdict.disposition());
    assertTrue(verdict.policyReduced());
    assertEquals(
        Disposition.REJECT,
        evaluate(
                "v=DMARC1; p=reject; t=n",
                "example.com",
                List.of(),
                SpfInput.none(),
                OrganizationalDomainStrategy.treeWalk())
            .disposition());
  }

  // Authentication-Results and odd input

  @Test
  void authenticationResultsEntryHasTheUppercasePolicyComment() {
    assertEquals(
        "dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.com",
        evaluate(
                "v=DMARC1; p=none",
                "example.com",
                List.of("example.com"),
                SpfInput.none(),
                OrganizationalDomainStrategy.treeWalk())
            .authenticationResultsEntry());
    assertEquals(
        "dmarc=fail (p=REJECT sp=QUARANTINE dis=QUARANTINE) header.from=example.com",
        evaluate(
                "v=DMARC1; p=reject; sp=quarantine; pct=0",
                "example.com",
                List.of(),
                SpfInput.none(),
                OrganizationalDomainStrategy.treeWalk())
            .authenticationResultsEntry());
  }

  @Test
  void anUnusableAuthorIsPermerrorWithoutHeaderFrom() {
    DmarcVerdict verdict =
        evaluator(zone("v=DMARC1; p=reject"), OrganizationalDomainStrategy.treeWalk(), 0)
            .evaluate(
                AuthorDomain.fromFieldBody("a@example.com, b@example.org"),
                List.of("example.com"),
                SpfInput.none());
    assertEquals(DmarcResult.PERMERROR, verdict.result());
    assertEquals(Disposition.NONE, verdict.disposition());
    assertEquals("dmarc=permerror", verdict.authenticationResultsEntry());
    assertEquals(List.of(), asked);
  }

  @Test
  void theLookupLimitBoundsTheWalk() {
    DmarcVerdict verdict =
        DmarcEvaluator.builder()
            .resolver(zone("v=DMARC1; p=reject"))
            .maxDnsLookups(3)
            .build()
            .evaluate(AuthorDomain.of("a.b.c.d.example.com"), List.of(), SpfInput.none());
    assertEquals(DmarcResult.PERMERROR, verdict.result());
    assertTrue(verdict.reasons().get(0).contains("DNS lookup limit of 3"));
  }

  @Test
  void aResolverIsRequired() {
    assertThrows(NullPointerException.class, () -> DmarcEvaluator.builder().build());
    assertThrows(IllegalArgumentException.class, () -> DmarcEvaluator.builder().maxDnsLookups(0));
  }
}
