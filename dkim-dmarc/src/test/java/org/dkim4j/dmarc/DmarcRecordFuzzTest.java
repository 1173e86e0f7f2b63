package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.dkim4j.message.Ascii;

/**
 * {@link DmarcRecord#parse} fails only with {@link DmarcRecordException}. A record it accepts is
 * one that policy discovery keeps ({@link DmarcRecord#isDmarcRecord}), keeps every value in its
 * range, reads each policy exactly as written up to ASCII case, parses the same way for policy
 * discovery, and reads the same again from its own tags.
 */
class DmarcRecordFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void acceptedRecordsAreConsistent(byte[] input) {
    if (input == null) {
      return;
    }
    // The input is UTF-8 text: a byte[] parameter reaches the test as is, so seed files
    // are plain text (Jazzer hands a String parameter over in an encoding of its own).
    String text = new String(input, StandardCharsets.UTF_8);
    DmarcRecord record;
    try {
      record = DmarcRecord.parse(text);
    } catch (DmarcRecordException e) {
      assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
      return;
    }
    assertEquals(text, record.text());
    assertTrue(DmarcRecord.isDmarcRecord(text), "accepted but not a DMARC record: " + text);
    assertTrue(record.policyFallback().isEmpty());

    Map<String, String> tags = new java.util.HashMap<>();
    record.tags().asMap().forEach((name, value) -> tags.put(Ascii.toLowerCase(name), value));
    assertEquals("DMARC1", tags.get("v"));
    assertEquals(Ascii.toLowerCase(tags.get("p")), record.policy().tagValue());
    assertEquals(
        Ascii.toLowerCase(tags.getOrDefault("sp", tags.get("p"))),
        record.subdomainPolicy().tagValue());
    assertTrue(record.nonExistentSubdomainPolicy() != null);
    assertTrue(record.percent() >= 0 && record.percent() <= 100, "pct=" + record.percent());
    assertTrue(record.reportInterval() >= 0 && record.reportInterval() <= 0xFFFF_FFFFL);
    assertFalse(record.failureReportOptions().isEmpty());
    for (String part : tags.getOrDefault("fo", "0").split(":", -1)) {
      String option = Ascii.toLowerCase(trimWsp(part));
      assertTrue(
          option.equals("0") || option.equals("1") || option.equals("d") || option.equals("s"),
          "fo= option \"" + part + "\"");
    }
    assertFalse(record.reportFormats().isEmpty());
    record.reportFormats().forEach(f -> assertEquals("afrf", f));
    for (ReportUri uri : concat(record.aggregateReportUris(), record.failureReportUris())) {
      String u = uri.uri();
      assertTrue(u.indexOf(':') > 0, "URI without scheme: " + u);
      assertFalse(u.contains("!") || u.contains(",") || u.matches(".*[ \t\r\n].*"), u);
      uri.maxBytes().ifPresent(max -> assertTrue(max >= 0, u + "!" + max));
    }

    DmarcRecord forPolicy = DmarcRecord.parseForPolicy(text);
    assertSameValues(record, forPolicy);
    assertTrue(forPolicy.policyFallback().isEmpty());
    assertSameValues(record, DmarcRecord.parse(record.tags().format()));
  }

  private static String trimWsp(String s) {
    return s.replaceAll("^[ \t\r\n]+|[ \t\r\n]+$", "");
  }

  private static java.util.List<ReportUri> concat(
      java.util.List<ReportUri> a, java.util.List<ReportUri> b) {
    java.util.List<ReportUri> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void assertSameValues(DmarcRecord expected, DmarcRecord actual) {
    assertEquals(expected.policy(), actual.policy());
    assertEquals(expected.explicitSubdomainPolicy(), actual.explicitSubdomainPolicy());
    assertEquals(
        expected.explicitNonExistentSubdomainPolicy(), actual.explicitNonExistentSubdomainPolicy());
    assertEquals(expected.psd(), actual.psd());
    assertEquals(expected.testing(), actual.testing());
    assertEquals(expected.percent(), actual.percent());
    assertEquals(expected.dkimAlignment(), actual.dkimAlignment());
    assertEquals(expected.spfAlignment(), actual.spfAlignment());
    assertEquals(expected.aggregateReportUris(), actual.aggregateReportUris());
    assertEquals(expected.failureReportUris(), actual.failureReportUris());
    assertEquals(expected.failureReportOptions(), actual.failureReportOptions());
    assertEquals(expected.reportFormats(), actual.reportFormats());
    assertEquals(expected.reportInterval(), actual.reportInterval());
  }
}
