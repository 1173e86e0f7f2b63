package org.dkim4j.corpus;

import java.util.List;
import java.util.stream.Collectors;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimResults;

/**
 * Which part of our results a corpus expectation is about, reduced to a comparable value: the
 * message as a whole, one signature, the last signature, every signature, and so on.
 */
@FunctionalInterface
interface Scope {

  /** A value to compare (e.g. {@code "fail"}) and the detail behind it (statuses and reasons). */
  record Observation(String value, String detail) {}

  Observation observe(DkimResults results, int dnsLookups);

  /** The summary of the message: pass if any signature passed, else the most telling status. */
  static Scope message() {
    return (results, lookups) -> new Observation(results.status().resultName(), detail(results));
  }

  /** The signature at {@code index} (0 = topmost DKIM-Signature field). */
  static Scope signature(int index) {
    return (results, lookups) -> {
      List<DkimResult> list = results.results();
      if (index >= list.size()) {
        return new Observation(
            "missing", "only " + list.size() + " signatures: " + detail(results));
      }
      DkimResult result = list.get(index);
      return new Observation(result.status().resultName(), describe(result));
    };
  }

  /** The first signature with {@code s=selector}. */
  static Scope selector(String selector) {
    return (results, lookups) ->
        results.stream()
            .filter(r -> r.selector().equals(selector))
            .findFirst()
            .map(r -> new Observation(r.status().resultName(), describe(r)))
            .orElse(new Observation("missing", "no signature with s=" + selector));
  }

  /** The bottommost signature. */
  static Scope last() {
    return (results, lookups) -> {
      List<DkimResult> list = results.results();
      if (list.isEmpty()) {
        return new Observation("none", detail(results));
      }
      DkimResult result = list.get(list.size() - 1);
      return new Observation(result.status().resultName(), describe(result));
    };
  }

  /** Every signature, top to bottom, e.g. {@code "pass,fail"}; {@code "none"} when unsigned. */
  static Scope each() {
    return (results, lookups) ->
        new Observation(
            results.results().isEmpty()
                ? "none"
                : results.stream()
                    .map(r -> r.status().resultName())
                    .collect(Collectors.joining(",")),
            detail(results));
  }

  /** Like {@link #message()}, with {@code " after a DNS query"} appended when one was made. */
  static Scope messageBeforeAnyDnsQuery() {
    return (results, lookups) ->
        new Observation(
            results.status().resultName() + (lookups > 0 ? " after a DNS query" : ""),
            detail(results) + " (" + lookups + " DNS lookups)");
  }

  static String detail(DkimResults results) {
    if (results.results().isEmpty()) {
      return "no DKIM-Signature field";
    }
    return results.stream().map(Scope::describe).collect(Collectors.joining("; "));
  }

  static String describe(DkimResult result) {
    return result.status().resultName()
        + " ["
        + result.algorithm()
        + " d="
        + result.domain()
        + " s="
        + result.selector()
        + "]"
        + (result.reason().isEmpty() ? "" : ": " + result.reason());
  }
}
