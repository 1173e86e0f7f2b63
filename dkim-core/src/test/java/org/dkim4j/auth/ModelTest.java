package org.dkim4j.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void builtValuesExposeTheirParts() {
    ResultEntry e =
        ResultEntry.builder("dkim", "fail")
            .methodVersion("1")
            .comment("c")
            .reason("r")
            .property(new Property("header", "d", "example.com"))
            .build();
    AuthenticationResults ar =
        AuthenticationResults.builder("mx.example.org").version("1").add(e).build();

    assertEquals("mx.example.org", ar.authservId());
    assertEquals(Optional.of("1"), ar.version());
    assertEquals(List.of(e), ar.results());
    assertEquals("dkim", e.method());
    assertEquals(Optional.of("1"), e.methodVersion());
    assertEquals("fail", e.result());
    assertEquals(Optional.of("c"), e.comment());
    assertEquals(Optional.of("r"), e.reason());
    assertEquals(List.of(new Property("header", "d", "example.com")), e.properties());
  }

  @Test
  void unsetOptionalPartsAreEmpty() {
    ResultEntry e = ResultEntry.of("spf", "none");

    assertEquals(Optional.empty(), e.methodVersion());
    assertEquals(Optional.empty(), e.comment());
    assertEquals(Optional.empty(), e.reason());
    assertEquals(List.of(), e.properties());
    assertEquals(Optional.empty(), AuthenticationResults.builder("x").build().version());
  }

  @Test
  void equalityComparesEveryPartIncludingCase() {
    ResultEntry a = ResultEntry.builder("dkim", "pass").property("header.d", "x").build();
    ResultEntry same = ResultEntry.builder("dkim", "pass").property("header", "d", "x").build();

    assertEquals(a, same);
    assertEquals(a.hashCode(), same.hashCode());
    assertNotEquals(a, ResultEntry.builder("DKIM", "pass").property("header.d", "x").build());
    assertNotEquals(a, ResultEntry.builder("dkim", "pass").property("header.d", "X").build());
    assertNotEquals(
        a, ResultEntry.builder("dkim", "pass").property("header.d", "x").comment("").build());
    assertNotEquals(
        a, ResultEntry.builder("dkim", "pass").property("header.d", "x").reason("").build());
    assertNotEquals(
        a,
        ResultEntry.builder("dkim", "pass").methodVersion("1").property("header.d", "x").build());

    AuthenticationResults f = AuthenticationResults.builder("mx").add(a).build();
    assertEquals(f, AuthenticationResults.builder("mx").add(same).build());
    assertEquals(f.hashCode(), AuthenticationResults.builder("mx").add(same).build().hashCode());
    assertNotEquals(f, AuthenticationResults.builder("MX").add(a).build());
    assertNotEquals(f, AuthenticationResults.builder("mx").version("1").add(a).build());
    assertNotEquals(f, AuthenticationResults.builder("mx").build());
  }

  @Test
  void looksUpMethodsResultsAndPropertiesIgnoringCase() {
    ResultEntry e = ResultEntry.builder("DKIM", "Pass").property("Header.D", "Example.com").build();
    AuthenticationResults ar =
        AuthenticationResults.builder("mx").add(e).add(ResultEntry.of("spf", "pass")).build();

    assertTrue(e.hasMethod("dkim"));
    assertFalse(e.hasMethod("dkim2"));
    assertTrue(e.hasResult("pass"));
    assertFalse(e.hasResult("fail"));
    assertEquals(Optional.of("Example.com"), e.property("header.d"));
    assertEquals(List.of(e), ar.resultsFor("dkim"));
    assertEquals(List.of(), ar.resultsFor("dmarc"));
  }

  @Test
  void rejectsPropertyKeysWithoutADot() {
    ResultEntry e = ResultEntry.of("dkim", "pass");

    assertThrows(IllegalArgumentException.class, () -> e.property("headerd"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ResultEntry.builder("dkim", "pass").property("headerd", "x"));
  }

  @Test
  void rejectsKeywordsThatAreNotLettersDigitsAndHyphens() {
    for (String bad : List.of("", "dk im", "dkim-", "dk_im", "dkim/1", "d.kim", "dkïm")) {
      assertThrows(IllegalArgumentException.class, () -> ResultEntry.of(bad, "pass"), bad);
      assertThrows(IllegalArgumentException.class, () -> ResultEntry.of("dkim", bad), bad);
      assertThrows(IllegalArgumentException.class, () -> new Property(bad, "d", "x"), bad);
      assertThrows(IllegalArgumentException.class, () -> new Property("header", bad, "x"), bad);
    }
    assertEquals("x-vendor-2", ResultEntry.of("x-vendor-2", "pass").method());
  }

  @Test
  void rejectsVersionsThatAreNotDigits() {
    for (String bad : List.of("", "1a", "v1", " 1", "-1")) {
      assertThrows(
          IllegalArgumentException.class, () -> AuthenticationResults.builder("x").version(bad));
      assertThrows(
          IllegalArgumentException.class, () -> ResultEntry.builder("x", "y").methodVersion(bad));
    }
  }

  @Test
  void rejectsLineBreaksAndControlCharactersSoNoFieldCanBeInjected() {
    for (String bad : List.of("a\r\nX-Evil: 1", "a\nb", "a\rb", "\u0000", "\u007f", "\u001b[0m")) {
      assertThrows(IllegalArgumentException.class, () -> AuthenticationResults.builder(bad), bad);
      assertThrows(
          IllegalArgumentException.class, () -> ResultEntry.builder("x", "y").comment(bad));
      assertThrows(IllegalArgumentException.class, () -> ResultEntry.builder("x", "y").reason(bad));
      assertThrows(IllegalArgumentException.class, () -> new Property("a", "b", bad));
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Property("a", "b", "x\r\ny"));
    assertEquals(
        "property value must not contain control characters other than TAB, got \"x\\r\\ny\"",
        e.getMessage());
  }

  @Test
  void rejectsAnEmptyAuthservId() {
    assertThrows(IllegalArgumentException.class, () -> AuthenticationResults.builder(""));
  }

  @Test
  void rejectsNulls() {
    assertThrows(NullPointerException.class, () -> AuthenticationResults.builder(null));
    assertThrows(NullPointerException.class, () -> AuthenticationResults.builder("x").add(null));
    assertThrows(NullPointerException.class, () -> ResultEntry.of(null, "pass"));
    assertThrows(NullPointerException.class, () -> ResultEntry.builder("x", "y").comment(null));
    assertThrows(NullPointerException.class, () -> new Property("a", "b", null));
  }

  @Test
  void listsAreUnmodifiableAndDetachedFromTheBuilder() {
    ResultEntry.Builder eb = ResultEntry.builder("x", "y").property("a.b", "c");
    ResultEntry e = eb.build();
    eb.property("d.e", "f");
    AuthenticationResults.Builder fb = AuthenticationResults.builder("mx").add(e);
    AuthenticationResults ar = fb.build();
    fb.add(e);

    assertEquals(1, e.properties().size());
    assertEquals(1, ar.results().size());
    assertThrows(UnsupportedOperationException.class, () -> e.properties().clear());
    assertThrows(UnsupportedOperationException.class, () -> ar.results().clear());
  }
}
