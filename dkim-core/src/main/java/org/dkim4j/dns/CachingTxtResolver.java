package org.dkim4j.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Caches the outcomes of another {@link TxtResolver} for as long as DNS allows.
 *
 * <ul>
 *   <li>Records are kept for their TTL (RFC 1035 section 3.2.1, RFC 2181 section 8), capped by
 *       {@link Builder#maximumTtl(Duration)}; outcomes of a resolver that gives no TTL (a plain
 *       {@link TxtResolver}) for {@link Builder#defaultTtl(Duration)}.
 *   <li>NXDOMAIN and NODATA are cached too (negative caching, RFC 2308 section 5): for the TTL the
 *       delegate reports (the SOA minimum), else for {@link Builder#negativeTtl(Duration)}; capped
 *       by {@link Builder#maximumNegativeTtl(Duration)}.
 *   <li>Temporary failures are not cached unless {@link Builder#temporaryFailureTtl(Duration)} is
 *       set (RFC 2308 section 7.1 allows up to five minutes).
 *   <li>At most {@link Builder#maximumSize(int)} names are kept; the least recently used go first.
 *   <li>Concurrent lookups of one name that is not cached share a single query to the delegate: the
 *       first caller asks, the others wait for its answer.
 * </ul>
 *
 * <p>Names are compared case-insensitively (RFC 4343) without a trailing dot. Time comes from the
 * injected {@link Clock}. Thread-safe; build one per application and share it.
 *
 * <pre>{@code
 * TxtResolver resolver = CachingTxtResolver.builder(DnsJavaResolver.builder().build())
 *     .maximumSize(50_000)
 *     .build();
 * }</pre>
 */
public final class CachingTxtResolver implements TtlTxtResolver {

  private final TxtResolver delegate;
  private final Clock clock;
  private final int maximumSize;
  private final Duration defaultTtl;
  private final Duration maximumTtl;
  private final Duration negativeTtl;
  private final Duration maximumNegativeTtl;
  private final Duration temporaryFailureTtl;

  /** Guarded by itself; access-ordered so that eviction drops the least recently used name. */
  private final Map<String, Entry> entries;

  private final ConcurrentHashMap<String, CompletableFuture<TxtAnswer>> inFlight =
      new ConcurrentHashMap<>();

  private record Entry(TxtLookup lookup, Instant expires) {}

  private CachingTxtResolver(Builder b) {
    this.delegate = b.delegate;
    this.clock = b.clock;
    this.maximumSize = b.maximumSize;
    this.defaultTtl = b.defaultTtl;
    this.maximumTtl = b.maximumTtl;
    this.negativeTtl = b.negativeTtl;
    this.maximumNegativeTtl = b.maximumNegativeTtl;
    this.temporaryFailureTtl = b.temporaryFailureTtl;
    int max = b.maximumSize;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > max;
          }
        };
  }

  /**
   * Returns a cache in front of {@code delegate} with the default settings.
   *
   * @param delegate the resolver asked on a cache miss, usually a {@link DnsJavaResolver}
   * @return the cache, empty
   */
  public static CachingTxtResolver of(TxtResolver delegate) {
    return builder(delegate).build();
  }

  /**
   * Returns a builder for a cache in front of {@code delegate}.
   *
   * @param delegate the resolver asked on a cache miss, usually a {@link DnsJavaResolver}
   * @return a builder with the defaults described there
   */
  public static Builder builder(TxtResolver delegate) {
    return new Builder(delegate);
  }

  @Override
  public TxtAnswer lookupWithTtl(String name) {
    String key = DnsNames.normalize(Objects.requireNonNull(name, "name"));
    TxtAnswer cached = cached(key);
    if (cached != null) {
      return cached;
    }
    CompletableFuture<TxtAnswer> mine = new CompletableFuture<>();
    CompletableFuture<TxtAnswer> theirs = inFlight.putIfAbsent(key, mine);
    if (theirs != null) {
      return await(theirs);
    }
    try {
      // Another thread may have finished between the first look and taking the slot.
      TxtAnswer answer = cached(key);
      if (answer == null) {
        answer = TtlTxtResolver.lookupWithTtl(delegate, name);
        if (answer == null) {
          throw new IllegalStateException(delegate + " returned null for " + name);
        }
        store(key, answer);
      }
      mine.complete(answer);
      return answer;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private static TxtAnswer await(CompletableFuture<TxtAnswer> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TxtAnswer.withoutTtl(TxtLookup.temporaryFailure("interrupted"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  private TxtAnswer cached(String key) {
    Instant now = clock.instant();
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry == null) {
        return null;
      }
      if (!now.isBefore(entry.expires())) {
        entries.remove(key);
        return null;
      }
      return TxtAnswer.of(entry.lookup(), Duration.between(now, entry.expires()));
    }
  }

  private void store(String key, TxtAnswer answer) {
    Duration ttl = cacheTime(answer);
    if (ttl.isZero()) {
      return;
    }
    Entry entry = new Entry(answer.lookup(), clock.instant().plus(ttl));
    synchronized (entries) {
      entries.put(key, entry);
    }
  }

  private Duration cacheTime(TxtAnswer answer) {
    TxtLookup lookup = answer.lookup();
    if (lookup instanceof TxtLookup.Found) {
      return min(answer.ttl().orElse(defaultTtl), maximumTtl);
    }
    if (lookup instanceof TxtLookup.NotFound) {
      return min(answer.ttl().orElse(negativeTtl), maximumNegativeTtl);
    }
    return temporaryFailureTtl;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Returns the number of names cached now, including any that expired but were not yet seen.
   *
   * @return the number of entries, at most the configured maximum size
   */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /**
   * Forgets {@code name}, e.g. after publishing a new key.
   *
   * @param name the domain name, matched case-insensitively; a trailing dot is ignored
   */
  public void invalidate(String name) {
    String key = DnsNames.normalize(name);
    synchronized (entries) {
      entries.remove(key);
    }
  }

  /** Forgets every name. */
  public void invalidateAll() {
    synchronized (entries) {
      entries.clear();
    }
  }

  @Override
  public String toString() {
    return "CachingTxtResolver[" + size() + "/" + maximumSize + " names, " + delegate + "]";
  }

  /**
   * Settings for a {@link CachingTxtResolver}. Defaults: 10,000 names; TTLs capped at one day;
   * outcomes without TTL kept for one hour (records) or five minutes (NXDOMAIN/NODATA); negative
   * answers capped at three hours (RFC 2308 section 5); temporary failures not cached; the system
   * UTC clock.
   */
  public static final class Builder {
    private final TxtResolver delegate;
    private Clock clock = Clock.systemUTC();
    private int maximumSize = 10_000;
    private Duration defaultTtl = Duration.ofHours(1);
    private Duration maximumTtl = Duration.ofDays(1);
    private Duration negativeTtl = Duration.ofMinutes(5);
    private Duration maximumNegativeTtl = Duration.ofHours(3);
    private Duration temporaryFailureTtl = Duration.ZERO;

    private Builder(TxtResolver delegate) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Sets the clock that decides expiry (default: the system UTC clock).
     *
     * @param clock the source of the current time
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how many names are kept at most (default 10,000).
     *
     * @param maximumSize the number of names, at least 1; beyond it the least recently used go
     *     first
     * @return this builder
     * @throws IllegalArgumentException if {@code maximumSize} is below 1
     */
    public Builder maximumSize(int maximumSize) {
      if (maximumSize < 1) {
        throw new IllegalArgumentException("maximumSize must be at least 1");
      }
      this.maximumSize = maximumSize;
      return this;
    }

    /**
     * Sets how long records are kept when the delegate gives no TTL (default one hour).
     *
     * @param ttl zero or positive
     * @return this builder
     * @throws IllegalArgumentException if {@code ttl} is negative
     */
    public Builder defaultTtl(Duration ttl) {
      this.defaultTtl = nonNegative(ttl, "defaultTtl");
      return this;
    }

    /**
     * Sets the longest time records are kept, whatever their TTL (default one day).
     *
     * @param ttl zero or positive
     * @return this builder
     * @throws IllegalArgumentException if {@code ttl} is negative
     */
    public Builder maximumTtl(Duration ttl) {
      this.maximumTtl = nonNegative(ttl, "maximumTtl");
      return this;
    }

    /**
     * Sets how long NXDOMAIN and NODATA are kept when the answer carried no SOA record (default
     * five minutes). RFC 2308 section 5 advises against caching those at all: {@link Duration#ZERO}
     * follows that advice.
     *
     * @param ttl zero or positive
     * @return this builder
     * @throws IllegalArgumentException if {@code ttl} is negative
     */
    public Builder negativeTtl(Duration ttl) {
      this.negativeTtl = nonNegative(ttl, "negativeTtl");
      return this;
    }

    /**
     * Sets the longest time NXDOMAIN and NODATA are kept (default three hours, RFC 2308 §5).
     *
     * @param ttl zero or positive
     * @return this builder
     * @throws IllegalArgumentException if {@code ttl} is negative
     */
    public Builder maximumNegativeTtl(Duration ttl) {
      this.maximumNegativeTtl = nonNegative(ttl, "maximumNegativeTtl");
      return this;
    }

    /**
     * Sets how long temporary failures are kept (default zero: not at all). RFC 2308 section 7.1
     * allows up to five minutes.
     *
     * @param ttl zero or positive
     * @return this builder
     * @throws IllegalArgumentException if {@code ttl} is negative
     */
    public Builder temporaryFailureTtl(Duration ttl) {
      this.temporaryFailureTtl = nonNegative(ttl, "temporaryFailureTtl");
      return this;
    }

    /**
     * Returns the cache.
     *
     * @return an empty, thread-safe cache
     */
    public CachingTxtResolver build() {
      return new CachingTxtResolver(this);
    }

    private static Duration nonNegative(Duration value, String name) {
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return value;
    }
  }
}
