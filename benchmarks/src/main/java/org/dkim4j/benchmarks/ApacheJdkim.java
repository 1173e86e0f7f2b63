package org.dkim4j.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageReader;
import org.dkim4j.tag.TagList;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Apache James jDKIM 0.5 signing and verifying the same messages as {@link Dkim4j}, with the same
 * key and the same signed header fields. It has no Ed25519, so only rsa-sha256 is measured. The key
 * record comes from memory, as for dkim4j.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ApacheJdkim {

  /** Message size. */
  @Param({"4KB", "100KB", "10MB"})
  public String size;

  /** Header and body canonicalization. */
  @Param({"relaxed/relaxed", "simple/simple"})
  public String canonicalization;

  private byte[] message;
  private byte[] signed;
  private DKIMSigner signer;
  private PublicKeyRecordRetriever keys;

  /** Builds the signer; checks that dkim4j verifies its signature and it verifies dkim4j's. */
  @Setup
  public void setUp() throws IOException, FailException {
    Workload workload = Workload.of(size, "rsa-sha256", canonicalization);
    message = workload.message;
    signed = workload.signed();
    String record = workload.record;
    keys = (method, selector, domain) -> List.of(record);
    signer =
        new DKIMSigner(
            "v=1; a=rsa-sha256; c="
                + canonicalization
                + "; d="
                + Workload.DOMAIN
                + "; s="
                + Workload.SELECTOR
                + "; t=; h="
                + signedHeaders(signed)
                + "; bh=; b=;",
            workload.rsaKeys.getPrivate());
    Workload.requirePass(
        workload.verifier(),
        Workload.prepend(Workload.ascii(sign(new CpuTime()) + "\r\n"), message),
        "Apache jDKIM's signature");
    if (verify(new CpuTime()).isEmpty()) {
      throw new IllegalStateException("Apache jDKIM does not verify dkim4j's signature");
    }
  }

  /** The h= list of dkim4j's signature, so that both sign the same fields. */
  private static String signedHeaders(byte[] signed) throws IOException {
    HeaderField signature = new MessageReader(new ByteArrayInputStream(signed)).readHeader().get(0);
    return TagList.parse(signature.value()).getOrNull("h").replaceAll("\\s", "");
  }

  /** The DKIM-Signature field for a message. */
  @Benchmark
  public String sign(CpuTime cpu) throws IOException, FailException {
    cpu.calls++;
    return signer.sign(new ByteArrayInputStream(message));
  }

  /** The valid signatures of a signed message (it throws when none is valid). */
  @Benchmark
  public List<SignatureRecord> verify(CpuTime cpu) throws IOException, FailException {
    cpu.calls++;
    return new DKIMVerifier(keys).verify(new ByteArrayInputStream(signed));
  }
}
