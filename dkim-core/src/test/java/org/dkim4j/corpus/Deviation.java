package org.dkim4j.corpus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.dkim4j.dkim.DkimVerifier;

/**
 * A documented disagreement with a corpus: for one case, what we return (the compared value and a
 * fragment of our reason), what upstream says, and why our answer is the RFC's. A deviation may
 * also name a second check with relaxed settings (e.g. rsa-sha1 allowed) under which we must give a
 * stated answer, usually upstream's, so that the cryptography behind the case is still tested.
 */
final class Deviation {

  /** A second verification with other settings, and the value it must give. */
  record Recheck(
      String settingsDescription, UnaryOperator<DkimVerifier.Builder> settings, String expected) {}

  final String caseName;
  String ours;
  String reason;
  String upstream;
  String why;
  Recheck recheck;

  private Deviation(String caseName) {
    this.caseName = caseName;
  }

  /** Starts the entry for the case named {@code caseName}. */
  static Deviation of(String caseName) {
    return new Deviation(caseName);
  }

  /** What we return: the compared value and a fragment of the reason we give. */
  Deviation weReturn(String value, String reasonFragment) {
    this.ours = value;
    this.reason = reasonFragment;
    return this;
  }

  /** What upstream says (a fragment of the case's upstream description). */
  Deviation upstreamSays(String upstream) {
    this.upstream = upstream;
    return this;
  }

  /** Why our answer is right, citing the RFC. */
  Deviation because(String why) {
    this.why = why;
    return this;
  }

  /** Verifying with rsa-sha1 allowed must give {@code expected}. */
  Deviation withRsaSha1Allowed(String expected) {
    return recheck("rsa-sha1 allowed", b -> b.allowRsaSha1(true), expected);
  }

  /** Verifying with body bytes after {@code l=} allowed must give {@code expected}. */
  Deviation withUnsignedBodyBytesAllowed(String expected) {
    return recheck("unsigned body bytes allowed", b -> b.allowUnsignedBodyBytes(true), expected);
  }

  /** Verifying with rsa-sha1 and body bytes after {@code l=} allowed must give {@code expected}. */
  Deviation withRsaSha1AndUnsignedBodyBytesAllowed(String expected) {
    return recheck(
        "rsa-sha1 and unsigned body bytes allowed",
        b -> b.allowRsaSha1(true).allowUnsignedBodyBytes(true),
        expected);
  }

  /** Verifying with other settings must give {@code expected}. */
  Deviation recheck(
      String description, UnaryOperator<DkimVerifier.Builder> settings, String expected) {
    this.recheck = new Recheck(description, settings, expected);
    return this;
  }

  /** Collects entries by case name; a name listed twice is a mistake in the table. */
  static Map<String, Deviation> table(Deviation... deviations) {
    Map<String, Deviation> map = new LinkedHashMap<>();
    for (Deviation d : deviations) {
      Objects.requireNonNull(d.ours, () -> d.caseName + ": weReturn(...) missing");
      Objects.requireNonNull(d.upstream, () -> d.caseName + ": upstreamSays(...) missing");
      Objects.requireNonNull(d.why, () -> d.caseName + ": because(...) missing");
      if (map.put(d.caseName, d) != null) {
        throw new IllegalArgumentException("DEVIATIONS lists " + d.caseName + " twice");
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
