package org.dkim4j.benchmarks;

import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * dkim4j and the limit on the same workload, taking turns of {@value #BATCH} operations each, each
 * turn timed on its own. Measured one after the other, as {@link Dkim4j} and {@link Limit} are, the
 * two see whatever load the machine had in their own minutes, and on a shared machine that moves
 * their ratio by a tenth and more. Taking turns a few milliseconds long, both see the same load, so
 * the ratio of their summed times holds still. The order alternates from one call to the next.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InTurn {

  /** Message size: the sizes with a target against the limit. */
  @Param({"4KB", "100KB"})
  public String size;

  /** Signature algorithm. */
  @Param({"rsa-sha256", "ed25519-sha256"})
  public String algorithm;

  /** Header and body canonicalization. */
  @Param({"relaxed/relaxed", "simple/simple"})
  public String canonicalization;

  /**
   * Operations per turn: enough that each contender runs as it does in a loop of its own (caches
   * and branch predictors warmed by the same work, not by the other's), few enough that a turn
   * lasts milliseconds, far shorter than the stretches of load that move separate benchmarks.
   */
  static final int BATCH = 16;

  private final Dkim4j dkim4j = new Dkim4j();
  private final Limit limit = new Limit();
  private final CpuTime unused = new CpuTime();

  /** Time spent in each contender during one iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Times {
    /** Nanoseconds spent in dkim4j's operation in the iteration. */
    public long dkim4jNanos;

    /** Nanoseconds spent in the limit's operation in the iteration. */
    public long limitNanos;

    private boolean limitFirst;

    /** Starts counting. */
    @Setup(Level.Iteration)
    public void reset() {
      dkim4jNanos = 0;
      limitNanos = 0;
    }
  }

  /** Sets up both contenders for the workload. */
  @Setup
  public void setUp() throws GeneralSecurityException {
    dkim4j.size = size;
    dkim4j.algorithm = algorithm;
    dkim4j.canonicalization = canonicalization;
    dkim4j.setUp();
    limit.size = size;
    limit.algorithm = algorithm;
    limit.setUp();
  }

  /** {@value #BATCH} signatures by each. */
  @Benchmark
  public void sign(Times times, Blackhole blackhole) throws GeneralSecurityException {
    times.limitFirst = !times.limitFirst;
    for (int turn = 0; turn < 2; turn++) {
      long start = System.nanoTime();
      if (times.limitFirst == (turn == 0)) {
        for (int i = 0; i < BATCH; i++) {
          blackhole.consume(limit.sign(unused));
        }
        times.limitNanos += System.nanoTime() - start;
      } else {
        for (int i = 0; i < BATCH; i++) {
          blackhole.consume(dkim4j.sign(unused));
        }
        times.dkim4jNanos += System.nanoTime() - start;
      }
    }
  }

  /** {@value #BATCH} verifications by each. */
  @Benchmark
  public void verify(Times times, Blackhole blackhole) throws GeneralSecurityException {
    times.limitFirst = !times.limitFirst;
    for (int turn = 0; turn < 2; turn++) {
      long start = System.nanoTime();
      if (times.limitFirst == (turn == 0)) {
        for (int i = 0; i < BATCH; i++) {
          blackhole.consume(limit.verify(unused));
        }
        times.limitNanos += System.nanoTime() - start;
      } else {
        for (int i = 0; i < BATCH; i++) {
          blackhole.consume(dkim4j.verify(unused));
        }
        times.dkim4jNanos += System.nanoTime() - start;
      }
    }
  }
}
