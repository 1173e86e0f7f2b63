package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One signer and one verifier shared by 8 threads give the single-threaded results. */
class ConcurrencyTest {

  static final int THREADS = 8;
  static final int ROUNDS = 250;

  @Test
  void sharedSignerAndVerifierGiveNoWrongResultUnderEightThreads() throws Exception {
    DkimSigner signer = Fixture.rsaSigner().and(Fixture.ed25519Signer());
    DkimVerifier verifier = Fixture.verifier();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<Integer> task =
            () -> {
              int wrong = 0;
              for (int i = 0; i < ROUNDS; i++) {
                String body = "thread " + thread + " message " + i + "\r\n";
                byte[] signed = signer.sign(Fixture.bytes(Fixture.MESSAGE + body));
                boolean tamper = i % 3 == 0;
                byte[] input =
                    tamper
                        ? Fixture.bytes(
                            Fixture.text(signed).replace("message " + i, "massage " + i))
                        : signed;
                DkimResults results = verifier.verify(input);
                DkimStatus expected = tamper ? DkimStatus.FAIL : DkimStatus.PASS;
                if (results.results().size() != 2
                    || results.stream().anyMatch(r -> r.status() != expected)) {
                  wrong++;
                }
              }
              return wrong;
            };
        futures.add(pool.submit(task));
      }
      int wrong = 0;
      for (Future<Integer> future : futures) {
        wrong += future.get();
      }
      assertEquals(0, wrong, "wrong results out of " + THREADS * ROUNDS);
    } finally {
      pool.shutdownNow();
    }
  }
}
