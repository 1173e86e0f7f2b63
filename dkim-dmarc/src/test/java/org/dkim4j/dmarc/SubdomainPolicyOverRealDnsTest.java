package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimStatus;
import org.dkim4j.dns.DnsJavaResolver;
import org.dkim4j.dns.TxtLookup;
import org.dkim4j.testing.Dnsmasq;
import org.dkim4j.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DMARC for a subdomain over a real DNS server: dnsmasq on 127.0.0.1 (a free port, no upstream,
 * started and stopped by this test) serves a dkimpy key for {@code mail.example.com}, SPF records,
 * and one DMARC record, at {@code _dmarc.example.com} only. dkimpy's {@code dkimsign} signs as
 * {@code d=mail.example.com}; {@link DmarcEvaluator} with {@link DnsJavaResolver} aimed at the
 * server must apply the parent's {@code sp=} to {@code mail.example.com}, its {@code np=} to a
 * subdomain that does not exist (RFC 9989), and its {@code p=} to {@code example.com} itself, with
 * either way of finding Organizational Domains. Skipped without dnsmasq or dkimpy (failed in CI).
 */
class SubdomainPolicyOverRealDnsTest {

  /** p=none for example.com, sp= for its subdomains, np= for those that do not exist. */
  static final String PARENT_RECORD = "v=DMARC1; p=none; sp=quarantine; np=reject";

  /** The address mail.example.com's SPF record authorizes. */
  static final String OUTBOUND = "192.0.2.25";

  /** An address no SPF record here authorizes. */
  static final String ELSEWHERE = "203.0.113.9";

  @TempDir static Path dir;
  static Dnsmasq dns;
  static DnsJavaResolver resolver;
  static Path dkimsign;

  /** From alice@mail.example.com, signed d=mail.example.com. */
  static byte[] signed;

  /** From alice@example.com, signed d=mail.example.com. */
  static byte[] signedForParent;

  @BeforeAll
  static void publishAndSign() throws IOException {
    Path dknewkey = ExternalTools.require("dknewkey");
    dkimsign = ExternalTools.require("dkimsign");
    ExternalTools.run(dir, Duration.ofSeconds(60), dknewkey.toString(), "sel2026")
        .requireSuccess(List.of("dknewkey"));
    String keyRecord = Files.readString(dir.resolve("sel2026.dns"), StandardCharsets.US_ASCII);

    dns =
        Dnsmasq.builder(dir)
            // All of com, so that the tree walk's _dmarc.com gets NXDOMAIN, as from the real
            // DNS, rather than REFUSED for a name outside the zone (a temporary error).
            .zone("com")
            .txt("sel2026._domainkey.mail.example.com", keyRecord.strip())
            .txt("_dmarc.example.com", PARENT_RECORD)
            .txt("example.com", "v=spf1 -all")
            .txt("mail.example.com", "v=spf1 ip4:" + OUTBOUND + " -all")
            .host("mail.example.com", OUTBOUND)
            .start();
    resolver = dns.resolver().build();

    signed = sign("alice@mail.example.com");
    signedForParent = sign("alice@example.com");
  }

  /** Signs a message from {@code author} with dkimpy as d=mail.example.com. */
  static byte[] sign(String author) throws IOException {
    Path message = dir.resolve("message-" + author + ".eml");
    Files.writeString(
        message,
        "From: Alice <"
            + author
            + ">\r\n"
            + "To: Bob <bob@example.org>\r\n"
            + "Subject: from a subdomain\r\n"
            + "Message-ID: <1@mail.example.com>\r\n"
            + "\r\n"
            + "Sent from mail.example.com, which has no DMARC record of its own.\r\n",
        StandardCharsets.US_ASCII);
    ExternalTools.Result result =
        ExternalTools.run(
            dir,
            Duration.ofSeconds(60),
            message,
            dkimsign.toString(),
            "sel2026",
            "mail.example.com",
            dir.resolve("sel2026.key").toString());
    // dkimsign exits 0 on error too, printing the message unsigned: look for the signature.
    if (!result.stdout().startsWith("DKIM-Signature:")) {
      fail("dkimsign did not sign: " + result);
    }
    return result.stdout().getBytes(StandardCharsets.US_ASCII);
  }

  @AfterAll
  static void stop() {
    if (dns != null) {
      dns.close();
    }
  }

  static Stream<OrganizationalDomainStrategy> strategies() {
    return Stream.of(
        OrganizationalDomainStrategy.treeWalk(), OrganizationalDomainStrategy.publicSuffixList());
  }

  static DmarcEvaluator evaluator(OrganizationalDomainStrategy strategy) {
    return DmarcEvaluator.builder().resolver(resolver).organizationalDomains(strategy).build();
  }

  /**
   * The caller's SPF check, which dkim4j takes as input: here a stand-in that reads the domain's
   * SPF record from the same DNS server and knows only {@code ip4:} and {@code -all}, enough for
   * the records above.
   */
  static SpfInput spf(String mailFromDomain, String client) {
    TxtLookup answer = resolver.lookup(mailFromDomain);
    if (!(answer instanceof TxtLookup.Found found)) {
      return SpfInput.of(mailFromDomain, SpfResult.NONE);
    }
    for (String record : found.records()) {
      if (record.startsWith("v=spf1 ")) {
        boolean listed = List.of(record.split(" ")).contains("ip4:" + client);
        return SpfInput.of(mailFromDomain, listed ? SpfResult.PASS : SpfResult.FAIL);
      }
    }
    return SpfInput.of(mailFromDomain, SpfResult.NONE);
  }

  static byte[] tampered(byte[] message) {
    String text = new String(message, StandardCharsets.US_ASCII);
    String changed = text.replace("no DMARC record", "no DMARC rec0rd");
    assertNotEquals(text, changed);
    return changed.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] withFrom(byte[] message, String address) {
    String text = new String(message, StandardCharsets.US_ASCII);
    String changed = text.replace("<alice@mail.example.com>", "<" + address + ">");
    assertNotEquals(text, changed);
    return changed.getBytes(StandardCharsets.US_ASCII);
  }

  static DkimResult onlySignature(DmarcEvaluation evaluation) {
    List<DkimResult> results = evaluation.dkimResults().results();
    assertEquals(1, results.size(), results.toString());
    DkimResult result = results.get(0);
    assertEquals("mail.example.com", result.domain());
    return result;
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void aSignedSubdomainPassesUnderItsParentsRecord(OrganizationalDomainStrategy strategy) {
    DmarcEvaluation evaluation =
        evaluator(strategy).evaluate(signed, spf("mail.example.com", ELSEWHERE));
    assertEquals(DkimStatus.PASS, onlySignature(evaluation).status());
    DmarcVerdict verdict = evaluation.verdict();
    assertEquals(DmarcResult.PASS, verdict.result(), verdict.toString());
    assertEquals("example.com", verdict.policyDomain().orElseThrow());
    assertEquals(PolicyScope.SUBDOMAIN, verdict.policyScope().orElseThrow());
    assertEquals("mail.example.com", verdict.alignedDkimDomain().orElseThrow());
    assertEquals(AlignmentResult.NONE, verdict.spfAlignment(), "SPF failed");
    assertEquals(Disposition.NONE, verdict.disposition());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void aFailingSubdomainGetsTheParentsSubdomainPolicy(OrganizationalDomainStrategy strategy) {
    DmarcEvaluation evaluation =
        evaluator(strategy).evaluate(tampered(signed), spf("mail.example.com", ELSEWHERE));
    assertEquals(DkimStatus.FAIL, onlySignature(evaluation).status());
    DmarcVerdict verdict = evaluation.verdict();
    assertEquals(DmarcResult.FAIL, verdict.result(), verdict.toString());
    assertEquals("example.com", verdict.policyDomain().orElseThrow());
    assertEquals(PolicyScope.SUBDOMAIN, verdict.policyScope().orElseThrow());
    assertEquals(DmarcPolicy.QUARANTINE, verdict.policy().orElseThrow());
    assertEquals(Disposition.QUARANTINE, verdict.disposition(), "sp=quarantine, not p=none");
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void spfFromTheAuthorizedAddressAlignsForTheSubdomain(OrganizationalDomainStrategy strategy) {
    DmarcVerdict verdict =
        evaluator(strategy).evaluate(tampered(signed), spf("mail.example.com", OUTBOUND)).verdict();
    assertEquals(DmarcResult.PASS, verdict.result(), verdict.toString());
    assertEquals(AlignmentResult.PASS, verdict.spfAlignment());
    assertEquals(AlignmentResult.NONE, verdict.dkimAlignment());
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void aSubdomainThatDoesNotExistGetsTheNonExistentPolicy(OrganizationalDomainStrategy strategy) {
    assertEquals(TxtLookup.notFound("NXDOMAIN"), resolver.lookup("ghost.example.com"));
    // Signed for mail.example.com, then altered: no identifier passes.
    byte[] message = withFrom(tampered(signed), "alice@ghost.example.com");
    DmarcVerdict verdict =
        evaluator(strategy).evaluate(message, spf("ghost.example.com", ELSEWHERE)).verdict();
    assertEquals(DmarcResult.FAIL, verdict.result(), verdict.toString());
    assertEquals("example.com", verdict.policyDomain().orElseThrow());
    assertEquals(PolicyScope.NON_EXISTENT_SUBDOMAIN, verdict.policyScope().orElseThrow());
    assertEquals(Disposition.REJECT, verdict.disposition(), "np=reject");
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void theParentItselfGetsItsOwnPolicy(OrganizationalDomainStrategy strategy) {
    byte[] message = withFrom(tampered(signed), "alice@example.com");
    DmarcVerdict verdict =
        evaluator(strategy).evaluate(message, spf("example.com", OUTBOUND)).verdict();
    assertEquals(DmarcResult.FAIL, verdict.result(), verdict.toString());
    assertEquals(PolicyScope.DOMAIN, verdict.policyScope().orElseThrow());
    assertEquals(Disposition.NONE, verdict.disposition(), "p=none");
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void aSubdomainSignatureAlignsRelaxedWithTheParent(OrganizationalDomainStrategy strategy) {
    // From example.com, signed by mail.example.com: one Organizational Domain, so the record's
    // default relaxed alignment passes.
    DmarcEvaluation evaluation =
        evaluator(strategy).evaluate(signedForParent, spf("example.com", ELSEWHERE));
    assertEquals(DkimStatus.PASS, onlySignature(evaluation).status());
    DmarcVerdict verdict = evaluation.verdict();
    assertEquals(DmarcResult.PASS, verdict.result(), verdict.toString());
    assertEquals(PolicyScope.DOMAIN, verdict.policyScope().orElseThrow());
    assertEquals("mail.example.com", verdict.alignedDkimDomain().orElseThrow());
  }
}
