package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmarcRecordTest {

  private static DmarcRecordException invalid(String text) {
    return assertThrows(DmarcRecordException.class, () -> DmarcRecord.parse(text));
  }

  @Test
  void minimalRecordHasTheDefaultsOfBothRfcs() {
    DmarcRecord record = DmarcRecord.parse("v=DMARC1; p=quarantine");
    assertEquals(DmarcPolicy.QUARANTINE, record.policy());
    assertEquals(DmarcPolicy.QUARANTINE, record.subdomainPolicy());
    assertEquals(DmarcPolicy.QUARANTINE, record.nonExistentSubdomainPolicy());
    assertTrue(record.explicitSubdomainPolicy().isEmpty());
    assertTrue(record.explicitNonExistentSubdomainPolicy().isEmpty());
    assertEquals(PsdFlag.UNSPECIFIED, record.psd());
    assertFalse(record.testing());
    assertEquals(100, record.percent());
    assertEquals(AlignmentMode.RELAXED, record.dkimAlignment());
    assertEquals(AlignmentMode.RELAXED, record.spfAlignment());
    assertEquals(List.of(), record.aggregateReportUris());
    assertEquals(List.of(), record.failureReportUris());
    assertEquals(Set.of(FailureReportOption.ALL_FAILED), record.failureReportOptions());
    assertEquals(List.of("afrf"), record.reportFormats());
    assertEquals(86400, record.reportInterval());
    assertEquals("v=DMARC1; p=quarantine", record.text());
  }

  @Test
  void everyTagIsRead() {
    DmarcRecord record =
        DmarcRecord.parse(
            "v=DMARC1; p=reject; sp=quarantine; np=none; psd=n; t=y; pct=25; adkim=s; aspf=s;"
                + " rua=mailto:a@example.com!10m, mailto:b@example.net; ruf=mailto:f@example.com;"
                + " fo=1:d:s; rf=afrf; ri=3600");
    assertEquals(DmarcPolicy.REJECT, record.policy());
    assertEquals(DmarcPolicy.QUARANTINE, record.subdomainPolicy());
    assertEquals(DmarcPolicy.NONE, record.nonExistentSubdomainPolicy());
    assertEquals(PsdFlag.NO, record.psd());
    assertTrue(record.testing());
    assertEquals(25, record.percent());
    assertEquals(AlignmentMode.STRICT, record.dkimAlignment());
    assertEquals(AlignmentMode.STRICT, record.spfAlignment());
    assertEquals(
        List.of(
            new ReportUri("mailto:a@example.com", OptionalLong.of(10L << 20)),
            new ReportUri("mailto:b@example.net", OptionalLong.empty())),
        record.aggregateReportUris());
    assertEquals(
        List.of(new ReportUri("mailto:f@example.com", OptionalLong.empty())),
        record.failureReportUris());
    assertEquals(
        EnumSet.of(
            FailureReportOption.ANY_FAILED,
            FailureReportOption.DKIM_FAILED,
            FailureReportOption.SPF_FAILED),
        record.failureReportOptions());
    assertEquals(3600, record.reportInterval());
  }

  @Test
  void spDefaultsToPAndNpDefaultsToSp() {
    DmarcRecord record = DmarcRecord.parse("v=DMARC1; p=none; sp=reject");
    assertEquals(DmarcPolicy.REJECT, record.nonExistentSubdomainPolicy());
  }

  @Test
  void keywordsAndTagNamesIgnoreCaseButTheVersionDoesNot() {
    DmarcRecord record = DmarcRecord.parse("v=DMARC1; P=Reject; SP=NONE; ADKIM=S; psd=Y; t=N");
    assertEquals(DmarcPolicy.REJECT, record.policy());
    assertEquals(DmarcPolicy.NONE, record.subdomainPolicy());
    assertEquals(AlignmentMode.STRICT, record.dkimAlignment());
    assertEquals(PsdFlag.YES, record.psd());
    assertFalse(record.testing());
    assertEquals("v", invalid("v=dmarc1; p=none").tag());
    assertFalse(DmarcRecord.isDmarcRecord("v=dmarc1; p=none"));
  }

  @Test
  void whitespaceAroundEqualsAndSeparatorsAndEmptyTagSpecsAreFine() {
    DmarcRecord record = DmarcRecord.parse("  v = DMARC1 ;p = none;; fo = 1 ; ri = 60 ;");
    assertEquals(DmarcPolicy.NONE, record.policy());
    assertEquals(Set.of(FailureReportOption.ANY_FAILED), record.failureReportOptions());
    assertEquals(60, record.reportInterval());
  }

  @Test
  void aRecordIsValidOnlyIfDiscoveryWouldKeepIt() {
    for (String record :
        List.of("\nv=DMARC1; p=none", "; v=DMARC1; p=none", "\r\n v=DMARC1; p=none")) {
      assertFalse(DmarcRecord.isDmarcRecord(record));
      assertEquals("v", invalid(record).tag());
    }
  }

  @Test
  void foAndRfAllowSpacesAroundTheirValuesButNoOtherCharacters() {
    assertEquals(
        Set.of(FailureReportOption.ALL_FAILED, FailureReportOption.SPF_FAILED),
        DmarcRecord.parse("v=DMARC1; p=none; fo= 0 :\tS ; rf= AFRF ").failureReportOptions());
    for (String record :
        List.of(
            "v=DMARC1; p=none; fo=0\u001d",
            "v=DMARC1; p=none; fo=\u017f",
            "v=DMARC1; p=none; fo=1\u3000:d",
            "v=DMARC1; p=none; rf=afrf\u000b")) {
      assertEquals(record.contains("rf=") ? "rf" : "fo", invalid(record).tag(), record);
    }
  }

  @Test
  void unknownTagsAreIgnoredButKept() {
    DmarcRecord record = DmarcRecord.parse("v=DMARC1; p=none; future=1; x_y=z");
    assertEquals("1", record.tags().get("future").orElseThrow());
  }

  @Test
  void pPlacedAfterOtherTagsIsAcceptedAsRfc9989Allows() {
    assertEquals(
        DmarcPolicy.REJECT,
        DmarcRecord.parse("v=DMARC1; rua=mailto:a@b.example; p=reject").policy());
  }

  @Test
  void sizeLimitsArePowersOfTwoWithOptionalUnits() {
    DmarcRecord record =
        DmarcRecord.parse(
            "v=DMARC1; p=none; rua=mailto:a@x.example!512, mailto:b@x.example!10K,"
                + " mailto:c@x.example!2g, mailto:d@x.example!1t, mailto:e@x.example ! 3 m");
    assertEquals(
        List.of(512L, 10L << 10, 2L << 30, 1L << 40, 3L << 20),
        record.aggregateReportUris().stream().map(u -> u.maxBytes().getAsLong()).toList());
    assertTrue(record.aggregateReportUris().get(0).isMailto());
  }

  @Test
  void uriSchemesOtherThanMailtoParseButAreMarked() {
    ReportUri uri =
        DmarcRecord.parse("v=DMARC1; p=none; rua=https://r.example/x").aggregateReportUris().get(0);
    assertFalse(uri.isMailto());
  }

  @Test
  void theMailtoSchemeIgnoresAsciiCaseOnly() {
    assertTrue(new ReportUri("MailTo:a@x.example", java.util.OptionalLong.empty()).isMailto());
    // U+0131 (dotless i) upper-cases to 'I', so a case-insensitive String comparison would match.
    assertFalse(
        new ReportUri("ma\u0131lto:a@x.example", java.util.OptionalLong.empty()).isMailto());
  }

  @Test
  void isDmarcRecordChecksOnlyTheVersionTag() {
    assertTrue(DmarcRecord.isDmarcRecord("v=DMARC1"));
    assertTrue(DmarcRecord.isDmarcRecord(" v = DMARC1 ; p=bogus"));
    assertFalse(DmarcRecord.isDmarcRecord("v=DMARC10; p=none"));
    assertFalse(DmarcRecord.isDmarcRecord("v=spf1 -all"));
    assertFalse(DmarcRecord.isDmarcRecord("p=none; v=DMARC1"));
    assertFalse(DmarcRecord.isDmarcRecord(""));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                      | v",
        "p=none; v=DMARC1                        | v",
        "v=DMARC2; p=none                        | v",
        "v=DMARC1                                | p",
        "v=DMARC1; p=bob                         | p",
        "v=DMARC1; p=n                           | p",
        "v=DMARC1; p=none; sp=bob                | sp",
        "v=DMARC1; p=none; np=bob                | np",
        "v=DMARC1; p=none; psd=x                 | psd",
        "v=DMARC1; p=none; t=yes                 | t",
        "v=DMARC1; p=none; pct=101               | pct",
        "v=DMARC1; p=none; pct=-1                | pct",
        "v=DMARC1; p=none; pct=                  | pct",
        "v=DMARC1; p=none; adkim=x               | adkim",
        "v=DMARC1; p=none; aspf=relaxed          | aspf",
        "v=DMARC1; p=none; rua=dmarc@example.com | rua",
        "v=DMARC1; p=none; rua=mailto:a@b.c!x    | rua",
        "v=DMARC1; p=none; rua=mailto:a@b.c,     | rua",
        "v=DMARC1; p=none; ruf=mailto:a@b.c!99999999999t | ruf",
        "v=DMARC1; p=none; fo=2                  | fo",
        "v=DMARC1; p=none; rf=iodef              | rf",
        "v=DMARC1; p=none; ri=-5                 | ri",
        "v=DMARC1; p=none; ri=4294967296         | ri",
        "v=DMARC1; p=none; p=reject              | ''",
        "v=DMARC1; p=none; P=reject              | p",
        "v=DMARC1; p=none; junk                  | ''",
      })
  void invalidRecordsNameTheTag(String text, String tag) {
    DmarcRecordException e = invalid(text);
    assertEquals(tag, e.tag(), e.getMessage());
    assertFalse(e.reason().isEmpty());
  }

  @Test
  void reasonsSayWhatIsWrong() {
    assertEquals(
        "pct=: \"500\" is not a number from 0 to 100",
        invalid("v=DMARC1; p=none; pct=500").getMessage());
    assertEquals(
        "p=: unknown policy \"bob\"; expected none, quarantine or reject",
        invalid("v=DMARC1; p=bob").getMessage());
    assertEquals("p=: the required tag is missing", invalid("v=DMARC1; pct=100").getMessage());
  }

  @Test
  void policyFallbackReadsAMissingOrBadPolicyAsNoneWhenRuaIsValid() {
    DmarcRecord missing = DmarcRecord.parseForPolicy("v=DMARC1; rua=mailto:d@example.org");
    assertEquals(DmarcPolicy.NONE, missing.policy());
    assertTrue(missing.policyFallback().orElseThrow().contains("p=: the required tag is missing"));
    DmarcRecord badSp =
        DmarcRecord.parseForPolicy("v=DMARC1; p=reject; sp=bob; rua=mailto:d@x.org");
    assertEquals(DmarcPolicy.NONE, badSp.policy());
    assertEquals(DmarcPolicy.NONE, badSp.subdomainPolicy());
    assertEquals(
        "p",
        assertThrows(
                DmarcRecordException.class, () -> DmarcRecord.parseForPolicy("v=DMARC1; p=bob"))
            .tag());
    assertTrue(DmarcRecord.parseForPolicy("v=DMARC1; p=reject").policyFallback().isEmpty());
  }

  @Test
  void policyFallbackDoesNotExcuseOtherTags() {
    assertEquals(
        "adkim",
        assertThrows(
                DmarcRecordException.class,
                () -> DmarcRecord.parseForPolicy("v=DMARC1; p=bob; adkim=x; rua=mailto:d@x.org"))
            .tag());
  }

  @Test
  void recordsAreValuesByText() {
    assertEquals(DmarcRecord.parse("v=DMARC1; p=none"), DmarcRecord.parse("v=DMARC1; p=none"));
    assertEquals("v=DMARC1; p=none", DmarcRecord.parse("v=DMARC1; p=none").toString());
  }
}
