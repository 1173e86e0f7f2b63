package org.dkim4j.corpus;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a corpus expects of an observed value (see {@link Scope}): a readable description, e.g.
 * {@code "DKIM_STAT_BADSIG (fail)"}, and the test that says whether a value meets it.
 */
record Expectation(String description, Predicate<String> test) {

  boolean accepts(String observed) {
    return test.test(observed);
  }

  /** Exactly {@code value}, described as {@code description} (which should mention the value). */
  static Expectation is(String value, String description) {
    return new Expectation(description, value::equals);
  }

  static Expectation is(String value) {
    return is(value, value);
  }

  /** One of {@code values}. */
  static Expectation oneOf(String description, String... values) {
    List<String> accepted = List.of(values);
    return new Expectation(description, accepted::contains);
  }

  /** Anything but a pass: for upstream verifiers that only answer true or false (dkimpy). */
  static Expectation notPass(String description) {
    return new Expectation(description, value -> !value.startsWith("pass"));
  }

  @Override
  public String toString() {
    return description;
  }
}
