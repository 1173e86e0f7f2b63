package org.dkim4j.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.dkim4j.dkim.DkimResults;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link Dkim4j} reading the message from an {@link java.io.InputStream} instead of the array: what
 * the copy into the reader's buffer costs. One algorithm and canonicalization, every size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Dkim4jStream {

  /** Message size. */
  @Param({"4KB", "100KB", "10MB"})
  public String size;

  /** Signature algorithm. */
  @Param({"rsa-sha256"})
  public String algorithm;

  /** Header and body canonicalization. */
  @Param({"relaxed/relaxed"})
  public String canonicalization;

  private final Dkim4j inMemory = new Dkim4j();

  /** Builds the signer and verifier of {@link Dkim4j} for the same workload. */
  @Setup
  public void setUp() {
    inMemory.size = size;
    inMemory.algorithm = algorithm;
    inMemory.canonicalization = canonicalization;
    inMemory.setUp();
  }

  /** The DKIM-Signature field for a message read from a stream. */
  @Benchmark
  public String sign(CpuTime cpu) throws IOException {
    cpu.calls++;
    return inMemory.signer.signatureFields(new ByteArrayInputStream(inMemory.message));
  }

  /** The results for a signed message read from a stream. */
  @Benchmark
  public DkimResults verify(CpuTime cpu) throws IOException {
    cpu.calls++;
    return inMemory.verifier.verify(new ByteArrayInputStream(inMemory.signed));
  }
}
