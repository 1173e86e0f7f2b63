package org.dkim4j.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the writer produces, the parser reads back into an equal object. */
class RoundTripTest {

  /** Text that needs quoting, escaping or care when folding. */
  static final List<String> NASTY =
      List.of(
          "",
          " ",
          "\t",
          "a b",
          "a  b",
          " leading",
          "trailing ",
          "a;b",
          "a; none",
          "dkim=pass",
          "none",
          "reason",
          "(comment)",
          "((",
          "))",
          "a(b)c",
          "\\",
          "\\\\",
          "\\(",
          "\"",
          "\"\"",
          "a\"b",
          "\"quoted\"@example.com",
          "\"john doe\"@example.com",
          "a@b.example",
          "@b.example",
          "a@",
          "@",
          "a@localhost",
          "a..b@example.com",
          ".",
          "=",
          "ab/cd+ef==",
          "2001:db8::1",
          "[192.0.2.1]",
          "tab\there",
          "x\t \ty",
          "caf\u00e9",
          "\u4f8b\u3048.\u30c6\u30b9\u30c8",
          "emoji \ud83d\ude00",
          "\u0080\u00a0\u2028",
          "Authentication-Results: x; none",
          "word ".repeat(30),
          "v".repeat(200),
          "(a \\( b) c \" d ; e = f",
          "1");

  private static void assertRoundTrip(AuthenticationResults ar) {
    assertEquals(ar, AuthenticationResults.parse(ar.format()), () -> "format(): " + ar.format());
    assertEquals(
        ar, AuthenticationResults.parse(ar.toHeaderField()), () -> "folded: " + ar.toHeaderField());
    FoldingTest.checkFolded(ar);
  }

  @Test
  void nastyTextSurvivesAsAuthservId() {
    for (String s : NASTY) {
      if (!s.isEmpty()) {
        assertRoundTrip(AuthenticationResults.builder(s).build());
        assertRoundTrip(
            AuthenticationResults.builder(s).version("1").add(ResultEntry.of("x", "y")).build());
      }
    }
  }

  @Test
  void nastyTextSurvivesAsReasonCommentAndPropertyValue() {
    for (String s : NASTY) {
      ResultEntry e =
          ResultEntry.builder("dkim", "fail")
              .comment(s)
              .reason(s)
              .property("header.d", s)
              .property("smtp.mailfrom", s)
              .build();
      assertRoundTrip(AuthenticationResults.builder("mx.example.org").add(e).build());
    }
  }

  @Test
  void nastyTextSurvivesNextToEveryOtherNastyText() {
    for (String a : NASTY) {
      for (String b : NASTY) {
        ResultEntry e =
            ResultEntry.builder("x", "y").comment(a).property("p.a", a).property("p.b", b).build();
        assertRoundTrip(
            AuthenticationResults.builder("mx.example.org")
                .add(e)
                .add(ResultEntry.of("z", "w"))
                .build());
      }
    }
  }

  @Test
  void randomFieldsSurviveFormatAndFolding() {
    Random random = new Random(8601);
    for (int i = 0; i < 3000; i++) {
      assertRoundTrip(randomField(random));
    }
  }

  @Test
  void mutatedFieldsEitherParseToAStableValueOrFailWithTheSyntaxException() {
    Random random = new Random(5322);
    String alphabet = "a1-.;=/@\"\\() \t\r\n\u0000";
    int parsedCount = 0;
    for (int i = 0; i < 20_000; i++) {
      AuthenticationResults source = randomField(random);
      StringBuilder input =
          new StringBuilder(random.nextBoolean() ? source.format() : source.toHeaderField());
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations && input.length() > 0; m++) {
        int at = random.nextInt(input.length());
        switch (random.nextInt(3)) {
          case 0 -> input.deleteCharAt(at);
          case 1 -> input.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> input.insert(at, pick(random, " (x) ", "\r\n ", "; a=b", " c.d=e", "\\"));
        }
      }
      AuthenticationResults parsed;
      try {
        parsed = AuthenticationResults.parse(input.toString());
      } catch (AuthenticationResultsSyntaxException expected) {
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError("unexpected exception for input " + input, e);
      }
      parsedCount++;
      assertRoundTrip(parsed);
    }
    // Enough mutants must parse for the round-trip half of this test to mean something.
    assertTrue(parsedCount > 5_000, "only " + parsedCount + " mutants parsed");
  }

  private static AuthenticationResults randomField(Random random) {
    AuthenticationResults.Builder field = AuthenticationResults.builder(nonEmpty(random));
    if (random.nextInt(4) == 0) {
      field.version(String.valueOf(random.nextInt(3)));
    }
    int results = random.nextInt(5);
    for (int r = 0; r < results; r++) {
      ResultEntry.Builder e =
          ResultEntry.builder(
              pick(random, "dkim", "spf", "dmarc", "arc", "X-Vendor-1"),
              pick(random, "pass", "fail", "none", "temperror", "PermError"));
      if (random.nextInt(4) == 0) {
        e.methodVersion("1");
      }
      if (random.nextBoolean()) {
        e.comment(text(random));
      }
      if (random.nextInt(3) == 0) {
        e.reason(text(random));
      }
      int props = random.nextInt(5);
      for (int p = 0; p < props; p++) {
        e.property(
            pick(random, "header", "smtp", "policy", "body"),
            pick(random, "d", "i", "b", "from", "mailfrom", "iprev"),
            text(random));
      }
      field.add(e.build());
    }
    return field.build();
  }

  private static String text(Random random) {
    if (random.nextInt(3) == 0) {
      return NASTY.get(random.nextInt(NASTY.size()));
    }
    String alphabet = "ab.@ ;()\"\\=/:\t-é";
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(random.nextInt(10) == 0 ? 150 : 15);
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String nonEmpty(Random random) {
    String s = text(random);
    return s.isEmpty() ? "mx.example.org" : s;
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }
}
