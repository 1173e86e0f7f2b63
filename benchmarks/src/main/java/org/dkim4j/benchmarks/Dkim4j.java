package org.dkim4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.DkimVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * dkim4j signing and verifying a whole message held in memory, as the limit has it: reading it (in
 * place, through the {@code byte[]} methods), canonicalizing and hashing header and body, and the
 * key operation. Verifying gets the key record from an in-memory zone, without waiting for DNS; the
 * verifier decodes the key of a record it has not seen, then keeps it, so this measures mail from a
 * signer seen before.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Dkim4j {

  /** Message size. */
  @Param({"4KB", "100KB", "10MB"})
  public String size;

  /** Signature algorithm. */
  @Param({"rsa-sha256", "ed25519-sha256"})
  public String algorithm;

  /** Header and body canonicalization. */
  @Param({"relaxed/relaxed", "simple/simple"})
  public String canonicalization;

  // Package-private: Dkim4jStream reads the same workload from a stream.
  byte[] message;
  byte[] signed;
  DkimSigner signer;
  DkimVerifier verifier;

  /** Builds the signer and verifier, and checks that they agree. */
  @Setup
  public void setUp() {
    Workload workload = Workload.of(size, algorithm, canonicalization);
    message = workload.message;
    signer = workload.signer();
    verifier = workload.verifier();
    signed = workload.signed();
    Workload.requirePass(verifier, signed, "dkim4j");
  }

  /** The DKIM-Signature field for a message. */
  @Benchmark
  public String sign(CpuTime cpu) {
    cpu.calls++;
    return signer.signatureFields(message);
  }

  /** The results for a signed message. */
  @Benchmark
  public DkimResults verify(CpuTime cpu) {
    cpu.calls++;
    return verifier.verify(signed);
  }
}
