package org.dkim4j.benchmarks;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The JDK's SHA-256 over the message bytes in one call: the speed limit of body hashing. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Sha256 {

  /** Message size. */
  @Param({"4KB", "100KB", "10MB"})
  public String size;

  private byte[] message;

  /** Creates the message. */
  @Setup
  public void setUp() {
    message = Messages.of(Workload.bytes(size));
  }

  /** SHA-256 of the message. */
  @Benchmark
  public byte[] digest(CpuTime cpu) throws GeneralSecurityException {
    cpu.calls++;
    return MessageDigest.getInstance("SHA-256").digest(message);
  }
}
