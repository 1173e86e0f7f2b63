package org.dkim4j.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CachingTxtResolverTest {

  static final String NAME = "sel._domainkey.example.com";

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    void advance(Duration duration) {
      now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** A resolver that answers with a function and counts its queries. */
  static final class CountingResolver implements TtlTxtResolver {
    final AtomicInteger queries = new AtomicInteger();
    final Function<String, TxtAnswer> answers;

    CountingResolver(Function<String, TxtAnswer> answers) {
      this.answers = answers;
    }

    @Override
    public TxtAnswer lookupWithTtl(String name) {
      queries.incrementAndGet();
      return answers.apply(name);
    }
  }

  final ManualClock clock = new ManualClock();

  static TxtAnswer found(String record, long ttlSeconds) {
    return TxtAnswer.of(TxtLookup.found(record), Duration.ofSeconds(ttlSeconds));
  }

  @Test
  void recordsAreServedFromTheCacheUntilTheirTtlRunsOut() {
    CountingResolver dns = new CountingResolver(n -> found("v=DKIM1; p=a", 60));
    CachingTxtResolver cache = CachingTxtResolver.builder(dns).clock(clock).build();
    assertEquals(TxtLookup.found("v=DKIM1; p=a"), cache.lookup(NAME));
    clock.advance(Duration.ofSeconds(59));
    assertEquals(TxtLookup.found("v=DKIM1; p=a"), cache.lookup(NAME));
    assertEquals(1, dns.queries.get());
    clock.advance(Duration.ofSeconds(1));
    cache.lookup(NAME);
    assertEquals(2, dns.queries.get());
  }

  @Test
  void aCachedAnswerCarriesItsRemainingTtl() {
    CachingTxtResolver cache =
        CachingTxtResolver.builder(new CountingResolver(n -> found("x", 300))).clock(clock).build();
    cache.lookup(NAME);
    clock.advance(Duration.ofSeconds(100));
    assertEquals(Optional.of(Duration.ofSeconds(200)), cache.lookupWithTtl(NAME).ttl());
  }

  @Test
  void ttlsAreCappedAtTheMaximum() {
    CountingResolver dns = new CountingResolver(n -> found("x", 86400 * 7));
    CachingTxtResolver cache =
        CachingTxtResolver.builder(dns).clock(clock).maximumTtl(Duration.ofHours(1)).build();
    cache.lookup(NAME);
    clock.advance(Duration.ofHours(1));
    cache.lookup(NAME);
    assertEquals(2, dns.queries.get());
  }

  @Test
  void aZeroTtlIsNotCached() {
    CountingResolver dns = new CountingResolver(n -> found("x", 0));
    CachingTxtResolver cache = CachingTxtResolver.builder(dns).clock(clock).build();
    cache.lookup(NAME);
    cache.lookup(NAME);
    assertEquals(2, dns.queries.get());
    assertEquals(0, cache.size());
  }

  @Test
  void answersOfAPlainResolverAreKeptForTheDefaultTtl() {
    AtomicInteger queries = new AtomicInteger();
    TxtResolver plain =
        name -> {
          queries.incrementAndGet();
          return TxtLookup.found("x");
        };
    CachingTxtResolver cache =
        CachingTxtResolver.builder(plain).clock(clock).defaultTtl(Duration.ofMinutes(10)).build();
    cache.lookup(NAME);
    clock.advance(Duration.ofMinutes(9));
    cache.lookup(NAME);
    assertEquals(1, queries.get());
    clock.advance(Duration.ofMinutes(1));
    cache.lookup(NAME);
    assertEquals(2, queries.get());
  }

  @Test
  void nxdomainIsCachedForTheSoaMinimum() {
    CountingResolver dns =
        new CountingResolver(
            n -> TxtAnswer.of(TxtLookup.notFound("NXDOMAIN"), Duration.ofSeconds(30)));
    CachingTxtResolver cache = CachingTxtResolver.builder(dns).clock(clock).build();
    assertEquals(TxtLookup.notFound("NXDOMAIN"), cache.lookup(NAME));
    clock.advance(Duration.ofSeconds(29));
    cache.lookup(NAME);
    assertEquals(1, dns.queries.get());
    clock.advance(Duration.ofSeconds(1));
    cache.lookup(NAME);
    assertEquals(2, dns.queries.get());
  }

  @Test
  void negativeAnswersWithoutSoaAreKeptForTheConfiguredNegativeTtl() {
    CountingResolver dns =
        new CountingResolver(n -> TxtAnswer.withoutTtl(TxtLookup.notFound("NODATA")));
    CachingTxtResolver cache =
        CachingTxtResolver.builder(dns).clock(clock).negativeTtl(Duration.ofSeconds(45)).build();
    cache.lookup(NAME);
    clock.advance(Duration.ofSeconds(44));
    cache.lookup(NAME);
    assertEquals(1, dns.queries.get());
    clock.advance(Duration.ofSeconds(1));
    cache.lookup(NAME);
    assertEquals(2, dns.queries.get());
  }

  @Test
  void negativeTtlsAreCappedAtTheirMaximum() {
    CountingResolver dns =
        new CountingResolver(n -> TxtAnswer.of(TxtLookup.notFound("NXDOMAIN"), Duration.ofDays(2)));
    CachingTxtResolver cache = CachingTxtResolver.builder(dns).clock(clock).build();
    cache.lookup(NAME);
    clock.advance(Duration.ofHours(3));
    cache.lookup(NAME);
    assertEquals(2, dns.queries.get());
  }

  @Test
  void temporaryFailuresAreNotCachedByDefault() {
    CountingResolver dns =
        new CountingResolver(n -> TxtAnswer.withoutTtl(TxtLookup.temporaryFailure("timeout")));
    CachingTxtResolver cache = CachingTxtResolver.builder(dns).clock(clock).build();
    assertInstanceOf(TxtLookup.TemporaryFailure.class, cache.lookup(NAME));
    cache.lookup(NAME);
    assertEquals(2, dns.queries.get());
  }

  @Test
  void temporaryFailuresCanBeCachedBriefly() {
    CountingResolver dns =
        new CountingResolver(n -> TxtAnswer.withoutTtl(TxtLookup.temporaryFailure("timeout")));
    CachingTxtResolver cache =
        CachingTxtResolver.builder(dns)
            .clock(clock)
            .temporaryFailureTtl(Duration.ofSeconds(5))
            .build();
    cache.lookup(NAME);
    cache.lookup(NAME);
    assertEquals(1, dns.queries.get());
    clock.advance(Duration.ofSeconds(5));
    cache.lookup(NAME);
    assertEquals(2, dns.queries.get());
  }

  @Test
  void namesAreComparedWithoutCaseOrTrailingDot() {
    CountingResolver dns = new CountingResolver(n -> found("x", 60));
    CachingTxtResolver cache = CachingTxtResolver.builder(dns).clock(clock).build();
    cache.lookup("Sel._DomainKey.Example.COM.");
    cache.lookup(NAME);
    assertEquals(1, dns.queries.get());
  }

  @Test
  void theLeastRecentlyUsedNameGoesWhenTheCacheIsFull() {
    CountingResolver dns = new CountingResolver(n -> found(n, 600));
    CachingTxtResolver cache = CachingTxtResolver.builder(dns).clock(clock).maximumSize(2).build();
    cache.lookup("a.example.com");
    cache.lookup("b.example.com");
    cache.lookup("a.example.com"); // a is now the most recently used
    cache.lookup("c.example.com"); // evicts b
    assertEquals(2, cache.size());
    assertEquals(3, dns.queries.get());
    cache.lookup("a.example.com");
    assertEquals(3, dns.queries.get());
    cache.lookup("b.example.com");
    assertEquals(4, dns.queries.get());
  }

  @Test
  void invalidateForgetsAName() {
    CountingResolver dns = new CountingResolver(n -> found("x", 600));
    CachingTxtResolver cache = CachingTxtResolver.builder(dns).clock(clock).build();
    cache.lookup(NAME);
    cache.invalidate(NAME.toUpperCase(java.util.Locale.ROOT));
    cache.lookup(NAME);
    cache.invalidateAll();
    cache.lookup(NAME);
    assertEquals(3, dns.queries.get());
  }

  @Test
  void concurrentLookupsOfOneNameShareOneQuery() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountingResolver slow =
        new CountingResolver(
            n -> {
              entered.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return found("v=DKIM1; p=slow", 300);
            });
    CachingTxtResolver cache = CachingTxtResolver.builder(slow).clock(clock).build();
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<TxtLookup>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> cache.lookup(NAME)));
      }
      assertTrue(entered.await(10, TimeUnit.SECONDS));
      Thread.sleep(200); // let the other callers pile up behind the first
      release.countDown();
      for (Future<TxtLookup> result : results) {
        assertEquals(TxtLookup.found("v=DKIM1; p=slow"), result.get(10, TimeUnit.SECONDS));
      }
      assertEquals(1, slow.queries.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSlowNameDoesNotHoldUpOtherNames() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountingResolver dns =
        new CountingResolver(
            n -> {
              if (n.startsWith("slow")) {
                try {
                  release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return found(n, 300);
            });
    CachingTxtResolver cache = CachingTxtResolver.builder(dns).clock(clock).build();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<TxtLookup> slow = pool.submit(() -> cache.lookup("slow.example.com"));
      assertEquals(TxtLookup.found("fast.example.com"), cache.lookup("fast.example.com"));
      release.countDown();
      assertEquals(TxtLookup.found("slow.example.com"), slow.get(10, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailingResolverFailsEveryWaiterAndNothingIsCached() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    IllegalStateException boom = new IllegalStateException("resolver bug");
    CountingResolver broken =
        new CountingResolver(
            n -> {
              entered.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw boom;
            });
    CachingTxtResolver cache = CachingTxtResolver.builder(broken).clock(clock).build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<TxtLookup> first = pool.submit(() -> cache.lookup(NAME));
      assertTrue(entered.await(10, TimeUnit.SECONDS));
      Future<TxtLookup> second = pool.submit(() -> cache.lookup(NAME));
      Thread.sleep(100);
      release.countDown();
      for (Future<TxtLookup> f : List.of(first, second)) {
        java.util.concurrent.ExecutionException e =
            assertThrows(
                java.util.concurrent.ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertSame(boom, e.getCause());
      }
      assertEquals(0, cache.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void settingsAreChecked() {
    TxtResolver any = n -> TxtLookup.notFound("x");
    assertThrows(
        IllegalArgumentException.class, () -> CachingTxtResolver.builder(any).maximumSize(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> CachingTxtResolver.builder(any).defaultTtl(Duration.ofSeconds(-1)));
  }
}
