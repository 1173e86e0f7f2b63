package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.dkim4j.dns.CachingTxtResolver;
import org.dkim4j.dns.TxtResolver;
import org.junit.jupiter.api.Test;

/**
 * Signers and one verifier, with the caching resolver, shared by 16 threads for 100,000 operations
 * mixing passes and failures: every result equals the single-threaded result.
 */
class SharedEnginesStressTest {

  static final int THREADS = 16;
  static final int OPERATIONS = 100_000;
  static final int MESSAGES = 64;

  @Test
  void sixteenThreadsGiveTheSingleThreadedResultsForOneHundredThousandOperations()
      throws Exception {
    List<DkimSigner> signers = List.of(Fixture.rsaSigner(), Fixture.ed25519Signer());
    AtomicInteger lookups = new AtomicInteger();
    TxtResolver keys = Fixture.keys().build();
    TxtResolver counting =
        name -> {
          lookups.incrementAndGet();
          return keys.lookup(name);
        };
    DkimVerifier verifier = Fixture.verifier(CachingTxtResolver.of(counting));

    // Inputs and their single-threaded results.
    List<byte[]> inputs = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      String body = "message " + i + "\r\n";
      byte[] signed = signers.get(i % 2).sign(Fixture.bytes(Fixture.MESSAGE + body));
      byte[] input =
          switch (i % 4) {
            case 0, 1 -> signed;
            case 2 -> Fixture.bytes(Fixture.text(signed).replace("message " + i, "massage " + i));
            default ->
                Fixture.bytes(Fixture.text(signed).replace("Subject: Lunch", "Subject: Lunch!"));
          };
      inputs.add(input);
      expected.add(verifier.verify(input).toString());
    }
    List<String> statuses = expected.stream().map(s -> s.replaceAll("header.b=\\S+", "")).toList();
    assertEquals(true, statuses.get(0).contains("dkim=pass"), statuses.get(0));
    assertEquals(true, statuses.get(2).contains("dkim=fail"), statuses.get(2));

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicInteger wrong = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int op = thread; op < OPERATIONS; op += THREADS) {
                    int m = op % MESSAGES;
                    if (op % 100 == 1) {
                      // Signing is deterministic for Ed25519 and RSA: the same bytes come out.
                      byte[] again =
                          signers
                              .get(m % 2)
                              .sign(Fixture.bytes(Fixture.MESSAGE + "message " + m + "\r\n"));
                      if (m % 4 < 2 && !java.util.Arrays.equals(again, inputs.get(m))) {
                        wrong.incrementAndGet();
                      }
                    } else if (!verifier.verify(inputs.get(m)).toString().equals(expected.get(m))) {
                      wrong.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, wrong.get(), "results that differ from the single-threaded run");
    assertEquals(2, lookups.get(), "the cache answered every lookup after the first of each key");
  }
}
