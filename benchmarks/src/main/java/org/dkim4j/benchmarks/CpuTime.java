package org.dkim4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * CPU time of the benchmark thread, counted beside JMH's wall-clock score. On a machine shared with
 * other work, CPU time per operation ({@code cpuNanos / calls}) stays comparable when throughput
 * does not; {@link Report} shows the ratios both ways. Work on other threads (the garbage
 * collector's) is not counted.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** CPU nanoseconds the benchmark thread used in the iteration. */
  public long cpuNanos;

  /** Benchmark calls in the iteration. */
  public long calls;

  private long start;

  /** Starts counting. */
  @Setup(Level.Iteration)
  public void start() {
    calls = 0;
    cpuNanos = 0;
    start = THREADS.getCurrentThreadCpuTime();
  }

  /** Stops counting. */
  @TearDown(Level.Iteration)
  public void stop() {
    cpuNanos = THREADS.getCurrentThreadCpuTime() - start;
  }
}
