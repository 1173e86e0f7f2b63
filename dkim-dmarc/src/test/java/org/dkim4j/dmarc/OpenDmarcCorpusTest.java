package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.junit.jupiter.api.Test;

/**
 * OpenDMARC's library tests ({@code ../shared/corpora/opendmarc}): record parsing, alignment,
 * From-domain extraction and organizational domains. Each deviation is listed with its reason;
 * every other case must agree.
 */
class OpenDmarcCorpusTest {

  private static List<String[]> rows(String file) {
    List<String[]> rows = new ArrayList<>();
    List<String> lines = TestCorpora.lines("opendmarc", file);
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isEmpty()) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  /**
   * Deviations in dmarc-record-parse.tsv, by case number. Case 5, {@code p=n}: OpenDMARC accepts a
   * one-letter prefix of a policy keyword; RFC 7489 section 6.4 and RFC 9989 grammars allow only
   * none, quarantine and reject, so it is an error here.
   */
  private static final Map<String, String> RECORD_DEVIATIONS =
      Map.of("5", "DMARC_PARSE_ERROR_BAD_VALUE");

  @Test
  void recordParse() {
    List<String> failures = new ArrayList<>();
    int agreed = 0;
    List<String[]> rows = rows("dmarc-record-parse.tsv");
    for (String[] row : rows) {
      String expected = RECORD_DEVIATIONS.getOrDefault(row[0], row[2]);
      String actual = status(row[1]);
      if (!expected.equals(actual)) {
        failures.add(row[0] + " " + row[1] + ": " + actual + ", expected " + expected);
      } else if (!RECORD_DEVIATIONS.containsKey(row[0])) {
        agreed++;
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(19, rows.size());
    assertEquals(18, agreed);
  }

  private static String status(String text) {
    try {
      DmarcRecord.parse(text);
      return "DMARC_PARSE_OKAY";
    } catch (DmarcRecordException e) {
      if (e.reason().contains("empty")) {
        return "DMARC_PARSE_ERROR_EMPTY";
      }
      if (e.tag().equals("v")) {
        return "DMARC_PARSE_ERROR_BAD_VERSION";
      }
      if (e.tag().equals("p") && e.reason().contains("missing")) {
        return "DMARC_PARSE_ERROR_NO_REQUIRED_P";
      }
      return "DMARC_PARSE_ERROR_BAD_VALUE";
    }
  }

  /**
   * Deviations in alignment.tsv. Cases 5 ({@code .mac.com.}) and 6 ({@code ....mac.com....}):
   * OpenDMARC strips leading and trailing dots before comparing; here a name with an empty label is
   * not a domain name and aligns with nothing (an identifier we cannot look up must not
   * authenticate anything).
   */
  private static final Map<String, String> ALIGNMENT_DEVIATIONS =
      Map.of("5", "not aligned", "6", "not aligned");

  @Test
  void alignmentWithTheUpstreamTestList() throws IOException {
    checkAlignment(
        PublicSuffixList.load(
            TestCorpora.path("opendmarc", "testfiles", "effective_tld_names.dat")));
  }

  @Test
  void alignmentWithTheBundledList() {
    checkAlignment(PublicSuffixList.bundled());
  }

  private static void checkAlignment(PublicSuffixList list) {
    List<String> failures = new ArrayList<>();
    int agreed = 0;
    for (String[] row : rows("alignment.tsv")) {
      String identifier = row[1];
      String author = row[2];
      AlignmentMode mode = row[3].equals("strict") ? AlignmentMode.STRICT : AlignmentMode.RELAXED;
      String normalized = Domains.normalize(author);
      InMemoryTxtResolver.Builder zone = InMemoryTxtResolver.builder();
      if (normalized != null) {
        zone.txt("_dmarc." + normalized, "v=DMARC1; p=none; adkim=" + mode.tagValue());
      }
      DmarcVerdict verdict =
          DmarcEvaluator.builder()
              .resolver(zone.build())
              .organizationalDomains(OrganizationalDomainStrategy.publicSuffixList(list))
              .build()
              .evaluate(AuthorDomain.of(author), List.of(identifier), SpfInput.none());
      String actual = verdict.dkimAlignment() == AlignmentResult.PASS ? "aligned" : "not aligned";
      String expected = ALIGNMENT_DEVIATIONS.getOrDefault(row[0], row[4]);
      if (!expected.equals(actual)) {
        failures.add(String.join(" ", row) + " -> " + actual + " " + verdict.reasons());
      } else if (!ALIGNMENT_DEVIATIONS.containsKey(row[0])) {
        agreed++;
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(8, agreed);
  }

  /**
   * Deviations in finddomain.tsv (by the raw field value). OpenDMARC takes the first address of a
   * list; RFC 9989 exempts From fields with addresses in several domains, and here they are
   * permerror so that a message cannot pick which author DMARC checks. {@code <<<><joe@joe.com>>>}
   * is not RFC 5322, so it has no Author Domain here (OpenDMARC digs one out).
   */
  private static final Map<String, String> FROM_DEVIATIONS =
      Map.of(
          "<<<><joe@joe.com>>>", "(none)",
          "Joe Johnson <joe@joe.com>, ace@ace.com", "(none)",
          "joe@joe.com, ace@ace.com", "(none)");

  @Test
  void fromDomain() {
    List<String> failures = new ArrayList<>();
    int agreed = 0;
    List<String[]> rows = rows("finddomain.tsv");
    for (String[] row : rows) {
      String actual = AuthorDomain.fromFieldBody(row[0]).domain().orElse("(none)");
      String expected = FROM_DEVIATIONS.getOrDefault(row[0], row[1]);
      if (!expected.equals(actual)) {
        failures.add(row[0] + " -> " + actual + " (" + AuthorDomain.fromFieldBody(row[0]) + ")");
      } else if (!FROM_DEVIATIONS.containsKey(row[0])) {
        agreed++;
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(13, rows.size());
    assertEquals(10, agreed);
  }

  /**
   * tld.tsv with the 2012 list the upstream test uses. Deviation: the last row is a C literal with
   * {@code \0x..} escapes, so upstream compared only "a.b.c." with "c." (the strings end at the
   * NUL). Read as the UTF-8 bytes it spells, it is an Arabic label under {@code .ar}; the 2012 list
   * has only the rule {@code ar} there, so the registrable domain is that label plus {@code .ar},
   * not the {@code c.} the C expectation shows.
   */
  @Test
  void organizationalDomain() throws IOException {
    PublicSuffixList list =
        PublicSuffixList.load(
            TestCorpora.path("opendmarc", "testfiles", "effective_tld_names.dat"));
    List<String> failures = new ArrayList<>();
    List<String[]> rows = rows("tld.tsv");
    int agreed = 0;
    for (String[] row : rows) {
      String domain = decodeCEscapes(row[0]);
      boolean deviation = !domain.equals(row[0]);
      String expected = deviation ? domain.substring("a.b.c.".length()) : row[1];
      String actual = list.organizationalDomain(domain);
      if (!expected.equals(actual)) {
        failures.add(domain + " -> " + actual + ", expected " + expected);
      } else if (!deviation) {
        agreed++;
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(4, rows.size());
    assertEquals(3, agreed);
  }

  private static String decodeCEscapes(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("\\0x", i)) {
        out.write(Integer.parseInt(s.substring(i + 3, i + 5), 16));
        i += 4;
      } else {
        out.write(s.charAt(i));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
