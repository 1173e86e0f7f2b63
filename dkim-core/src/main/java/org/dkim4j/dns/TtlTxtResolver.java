package org.dkim4j.dns;

/**
 * A {@link TxtResolver} that also tells how long each outcome may be cached, so that {@link
 * CachingTxtResolver} can honour DNS TTLs (RFC 1035 section 3.2.1) and negative-caching TTLs (RFC
 * 2308 section 5).
 *
 * <p>Implementors write {@link #lookupWithTtl(String)}; {@link #lookup(String)} follows from it.
 * Plain {@link TxtResolver}s keep working everywhere: a cache treats their outcomes as having no
 * known TTL.
 */
public interface TtlTxtResolver extends TxtResolver {

  /**
   * Looks up the TXT records at {@code name} and says how long the outcome may be cached.
   *
   * @param name a fully qualified domain name without the trailing dot
   * @return the outcome and its TTL; never {@code null}
   */
  TxtAnswer lookupWithTtl(String name);

  /** Returns {@link #lookupWithTtl(String)}'s outcome without the TTL. */
  @Override
  default TxtLookup lookup(String name) {
    return lookupWithTtl(name).lookup();
  }

  /**
   * Returns the outcome of {@code resolver} with its TTL when it is a {@code TtlTxtResolver}, or
   * without a TTL otherwise.
   *
   * @param resolver any resolver
   * @param name a fully qualified domain name without the trailing dot
   * @return the outcome, with a TTL only when {@code resolver} gave one
   */
  static TxtAnswer lookupWithTtl(TxtResolver resolver, String name) {
    if (resolver instanceof TtlTxtResolver timed) {
      return timed.lookupWithTtl(name);
    }
    return TxtAnswer.withoutTtl(resolver.lookup(name));
  }
}
