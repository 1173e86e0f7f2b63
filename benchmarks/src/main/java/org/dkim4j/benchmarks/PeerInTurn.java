package org.dkim4j.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.james.jdkim.exceptions.FailException;
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
 * dkim4j and Apache jDKIM on the workload of the peer targets (100 KB, rsa-sha256), taking turns of
 * {@value InTurn#BATCH} operations each, as {@link InTurn} does for dkim4j and the limit: both see
 * the same load, so their ratio holds still where the ratio of {@link Dkim4j} and {@link
 * ApacheJdkim}, measured minutes apart, moves with whatever else the machine does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PeerInTurn {

  /** Message size: the size of the peer targets. */
  @Param({"100KB"})
  public String size;

  /** Header and body canonicalization. */
  @Param({"relaxed/relaxed", "simple/simple"})
  public String canonicalization;

  private final Dkim4j dkim4j = new Dkim4j();
  private final ApacheJdkim jdkim = new ApacheJdkim();
  private final CpuTime unused = new CpuTime();

  /** Time spent in each contender during one iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Times {
    /** Nanoseconds spent in dkim4j's operation in the iteration. */
    public long dkim4jNanos;

    /** Nanoseconds spent in Apache jDKIM's operation in the iteration. */
    public long jdkimNanos;

    private boolean jdkimFirst;

    /** Starts counting. */
    @Setup(Level.Iteration)
    public void reset() {
      dkim4jNanos = 0;
      jdkimNanos = 0;
    }
  }

  /** Sets up both contenders for the workload; each checks the other's signatures. */
  @Setup
  public void setUp() throws IOException, FailException {
    dkim4j.size = size;
    dkim4j.algorithm = "rsa-sha256";
    dkim4j.canonicalization = canonicalization;
    dkim4j.setUp();
    jdkim.size = size;
    jdkim.canonicalization = canonicalization;
    jdkim.setUp();
  }

  /** {@value InTurn#BATCH} signatures by each. */
  @Benchmark
  public void sign(Times times, Blackhole blackhole) throws IOException, FailException {
    times.jdkimFirst = !times.jdkimFirst;
    for (int turn = 0; turn < 2; turn++) {
      long start = System.nanoTime();
      if (times.jdkimFirst == (turn == 0)) {
        for (int i = 0; i < InTurn.BATCH; i++) {
          blackhole.consume(jdkim.sign(unused));
        }
        times.jdkimNanos += System.nanoTime() - start;
      } else {
        for (int i = 0; i < InTurn.BATCH; i++) {
          blackhole.consume(dkim4j.sign(unused));
        }
        times.dkim4jNanos += System.nanoTime() - start;
      }
    }
  }

  /** {@value InTurn#BATCH} verifications by each. */
  @Benchmark
  public void verify(Times times, Blackhole blackhole) throws IOException, FailException {
    times.jdkimFirst = !times.jdkimFirst;
    for (int turn = 0; turn < 2; turn++) {
      long start = System.nanoTime();
      if (times.jdkimFirst == (turn == 0)) {
        for (int i = 0; i < InTurn.BATCH; i++) {
          blackhole.consume(jdkim.verify(unused));
        }
        times.jdkimNanos += System.nanoTime() - start;
      } else {
        for (int i = 0; i < InTurn.BATCH; i++) {
          blackhole.consume(dkim4j.verify(unused));
        }
        times.dkim4jNanos += System.nanoTime() - start;
      }
    }
  }
}
