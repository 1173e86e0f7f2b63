package org.dkim4j.dns;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TxtLookup} together with how long it may be cached: the TTL of the TXT records, or for
 * NXDOMAIN and NODATA the negative-caching TTL of RFC 2308 section 5 (the smaller of the SOA
 * record's TTL and its MINIMUM field). The TTL is empty when the source did not say, e.g. a
 * negative answer without SOA record or a resolver that knows no TTLs. Immutable.
 */
public final class TxtAnswer {

  private final TxtLookup lookup;
  private final Duration ttl;

  private TxtAnswer(TxtLookup lookup, Duration ttl) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    if (ttl != null && ttl.isNegative()) {
      throw new IllegalArgumentException("a TTL cannot be negative");
    }
    this.ttl = ttl;
  }

  /**
   * Returns an answer whose TTL is known.
   *
   * @param lookup the outcome
   * @param ttl how long it may be cached; zero or positive
   * @return the answer
   * @throws IllegalArgumentException if {@code ttl} is negative
   */
  public static TxtAnswer of(TxtLookup lookup, Duration ttl) {
    return new TxtAnswer(lookup, Objects.requireNonNull(ttl, "ttl"));
  }

  /**
   * Returns an answer whose TTL is unknown; caches apply their configured defaults.
   *
   * @param lookup the outcome
   * @return the answer, with an empty {@link #ttl()}
   */
  public static TxtAnswer withoutTtl(TxtLookup lookup) {
    return new TxtAnswer(lookup, null);
  }

  /**
   * Returns the outcome of the lookup.
   *
   * @return the outcome, never {@code null}
   */
  public TxtLookup lookup() {
    return lookup;
  }

  /**
   * Returns how long the outcome may be cached, when known.
   *
   * @return the TTL, or empty when the source did not say
   */
  public Optional<Duration> ttl() {
    return Optional.ofNullable(ttl);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TxtAnswer other
        && lookup.equals(other.lookup)
        && Objects.equals(ttl, other.ttl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lookup, ttl);
  }

  @Override
  public String toString() {
    return lookup + (ttl == null ? "" : " ttl=" + ttl.getSeconds() + "s");
  }
}
