package org.dkim4j.dkim;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dkim4j.auth.AuthenticationResults;
import org.dkim4j.auth.ResultEntry;

/**
 * The results of verifying one message: one {@link DkimResult} per DKIM-Signature field, top to
 * bottom. An unsigned message has no results and the summary status {@link DkimStatus#NONE}.
 * Immutable.
 */
public final class DkimResults implements Iterable<DkimResult> {

  private final List<DkimResult> results;

  DkimResults(List<DkimResult> results) {
    this.results = List.copyOf(results);
  }

  /**
   * Returns the results, one per signature field, top to bottom.
   *
   * @return an unmodifiable list, empty for an unsigned message
   */
  public List<DkimResult> results() {
    return results;
  }

  /**
   * Returns the results as a stream.
   *
   * @return a sequential stream over {@link #results()}
   */
  public Stream<DkimResult> stream() {
    return results.stream();
  }

  @Override
  public Iterator<DkimResult> iterator() {
    return results.iterator();
  }

  /**
   * True when at least one signature passed.
   *
   * @return {@code true} if any result is {@link DkimStatus#PASS}
   */
  public boolean anyPassed() {
    return results.stream().anyMatch(DkimResult::passed);
  }

  /**
   * True when a signature with {@code d=} equal to {@code domain} (ignoring case) passed.
   *
   * @param domain the signing domain to look for, e.g. {@code example.com}
   * @return {@code true} if a result for that domain is {@link DkimStatus#PASS}
   */
  public boolean passedFor(String domain) {
    return results.stream()
        .anyMatch(r -> r.passed() && org.dkim4j.message.Ascii.equalsIgnoreCase(r.domain(), domain));
  }

  /**
   * Returns a summary: {@code pass} if any signature passed, else the most telling other status in
   * the order fail, policy, neutral, temperror, permerror; {@code none} without signatures.
   *
   * @return the summary status, never {@code null}
   */
  public DkimStatus status() {
    if (results.isEmpty()) {
      return DkimStatus.NONE;
    }
    for (DkimStatus status :
        List.of(
            DkimStatus.PASS,
            DkimStatus.FAIL,
            DkimStatus.POLICY,
            DkimStatus.NEUTRAL,
            DkimStatus.TEMPERROR,
            DkimStatus.PERMERROR)) {
      if (results.stream().anyMatch(r -> r.status() == status)) {
        return status;
      }
    }
    return DkimStatus.NONE;
  }

  /**
   * Returns an Authentication-Results value (RFC 8601) with one {@code dkim=} entry per signature,
   * or {@code dkim=none} for an unsigned message. Use {@link AuthenticationResults#toHeaderField()}
   * for the folded header field.
   *
   * @param authservId the authentication service identifier, usually the receiving host's name
   * @return the Authentication-Results value, with {@code authservId} and the entries
   */
  public AuthenticationResults authenticationResults(String authservId) {
    AuthenticationResults.Builder builder = AuthenticationResults.builder(authservId);
    if (results.isEmpty()) {
      builder.add(ResultEntry.of("dkim", "none"));
    }
    for (DkimResult result : results) {
      builder.add(result.toResultEntry());
    }
    return builder.build();
  }

  @Override
  public String toString() {
    return results.isEmpty() ? "dkim=none" : results.toString();
  }
}
