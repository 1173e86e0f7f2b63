package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PublicSuffixListTest {

  static final PublicSuffixList SMALL =
      PublicSuffixList.parse(
          "// comment\n"
              + "com\nuk\nco.uk\n*.ck\n!www.ck\njp\n*.kobe.jp\n!city.kobe.jp\n"
              + "公司.cn\ncn\n\n  blogspot.com  trailing words\n");

  @Test
  void registrableDomainIsTheSuffixPlusOneLabel() {
    assertEquals(Optional.of("example.co.uk"), SMALL.registrableDomain("a.b.example.co.uk"));
    assertEquals(Optional.of("co.uk"), SMALL.publicSuffix("a.b.example.co.uk"));
    assertEquals(Optional.empty(), SMALL.registrableDomain("co.uk"));
    assertEquals(Optional.of("x.blogspot.com"), SMALL.registrableDomain("a.x.blogspot.com"));
  }

  @Test
  void wildcardsAndExceptions() {
    assertEquals(Optional.empty(), SMALL.registrableDomain("test.ck"));
    assertEquals(Optional.of("b.test.ck"), SMALL.registrableDomain("a.b.test.ck"));
    assertEquals(Optional.of("www.ck"), SMALL.registrableDomain("www.www.ck"));
    assertEquals(Optional.of("city.kobe.jp"), SMALL.registrableDomain("www.city.kobe.jp"));
    assertEquals(Optional.of("b.c.kobe.jp"), SMALL.registrableDomain("a.b.c.kobe.jp"));
  }

  @Test
  void unlistedTopLevelDomainsFollowTheImplicitStarRule() {
    assertEquals(Optional.of("example.example"), SMALL.registrableDomain("a.example.example"));
    assertEquals(Optional.empty(), SMALL.registrableDomain("example"));
  }

  @Test
  void caseAndIdnFormsAgree() {
    assertEquals(Optional.of("example.com"), SMALL.registrableDomain("WwW.Example.COM"));
    assertEquals(Optional.of("食狮.公司.cn"), SMALL.registrableDomain("www.食狮.公司.cn"));
    assertEquals(
        Optional.of("xn--85x722f.xn--55qx5d.cn"),
        SMALL.registrableDomain("www.xn--85x722f.xn--55qx5d.cn"));
  }

  @Test
  void malformedInputHasNoRegistrableDomain() {
    assertEquals(Optional.empty(), SMALL.registrableDomain(null));
    assertEquals(Optional.empty(), SMALL.registrableDomain(""));
    assertEquals(Optional.empty(), SMALL.registrableDomain(".example.com"));
    assertEquals(Optional.empty(), SMALL.registrableDomain("a..example.com"));
  }

  @Test
  void organizationalDomainOfAPublicSuffixIsTheSuffixItself() {
    assertEquals("example.co.uk", SMALL.organizationalDomain("mail.example.co.uk"));
    assertEquals("co.uk", SMALL.organizationalDomain("co.uk"));
    assertThrows(IllegalArgumentException.class, () -> SMALL.organizationalDomain("a..b"));
  }

  @Test
  void bundledListIsCurrentAndWorks() {
    PublicSuffixList bundled = PublicSuffixList.bundled();
    assertTrue(bundled.size() > 9000, bundled.toString());
    assertFalse(bundled.version().isEmpty());
    // The list carries its date: fail the build once the bundled copy is two years old.
    int year = Integer.parseInt(bundled.version().substring(0, 4));
    assertTrue(year >= java.time.Year.now().getValue() - 2, "bundled list is old: " + bundled);
    assertEquals(Optional.of("example.co.uk"), bundled.registrableDomain("www.example.co.uk"));
    assertEquals(Optional.of("a.blogspot.com"), bundled.registrableDomain("x.a.blogspot.com"));
  }

  /** The list's own test vectors, tests.txt, against the list they were checked with. */
  @Test
  void publicSuffixProjectTestsTxt() throws IOException {
    PublicSuffixList list =
        PublicSuffixList.load(TestCorpora.path("publicsuffix", "public_suffix_list.dat"));
    List<String> failures = new ArrayList<>();
    int cases = 0;
    for (String line : TestCorpora.lines("publicsuffix", "tests.txt")) {
      if (line.isBlank() || line.startsWith("//")) {
        continue;
      }
      String[] parts = line.strip().split("\\s+");
      String input = parts[0].equals("null") ? null : parts[0];
      String expected = parts[1].equals("null") ? null : parts[1];
      cases++;
      check(list, input, expected, failures);
    }
    assertEquals(List.of(), failures);
    assertEquals(78, cases);
  }

  /** The same vectors in their checkPublicSuffix(...) form. */
  @Test
  void publicSuffixProjectTestPslTxt() throws IOException {
    PublicSuffixList list =
        PublicSuffixList.load(TestCorpora.path("publicsuffix", "public_suffix_list.dat"));
    Pattern call = Pattern.compile("^checkPublicSuffix\\((null|'[^']*'), (null|'[^']*')\\);$");
    List<String> failures = new ArrayList<>();
    int cases = 0;
    for (String line : TestCorpora.lines("publicsuffix", "test_psl.txt")) {
      Matcher m = call.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      cases++;
      check(list, unquote(m.group(1)), unquote(m.group(2)), failures);
    }
    assertEquals(List.of(), failures);
    assertEquals(78, cases);
  }

  private static String unquote(String s) {
    return s.equals("null") ? null : s.substring(1, s.length() - 1);
  }

  private static void check(
      PublicSuffixList list, String input, String expected, List<String> failures) {
    String actual = list.registrableDomain(input).orElse(null);
    if (!java.util.Objects.equals(expected, actual)) {
      failures.add(input + " -> " + actual + " (expected " + expected + ")");
    }
  }
}
