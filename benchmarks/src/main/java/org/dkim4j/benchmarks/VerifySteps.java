package org.dkim4j.benchmarks;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dkim4j.canon.BodyCanonicalizer;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimSignature;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageLimits;
import org.dkim4j.message.MessageReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The steps of verifying a 4 KB rsa-sha256 relaxed/relaxed message, each timed alone, beside the
 * whole verification and the two parts of the limit (SHA-256 of the message, the public-key
 * operation), so that dkim4j's own work per message shows in nanoseconds: verify minus the key
 * operation minus hashing is what parsing, canonicalization and results cost.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar VerifySteps -f 2 -wi 3 -i 5 -w 1s -r
 * 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VerifySteps {

  private byte[] signed;
  private DkimVerifier verifier;
  private String signatureValue;
  private Limit limit;
  private List<HeaderField> fields;
  private byte[] headerBuffer;
  private int bodyOffset;

  /** Builds the workload and checks that it verifies. */
  @Setup
  public void setUp() throws GeneralSecurityException, IOException {
    Workload workload = Workload.of("4KB", "rsa-sha256", "relaxed/relaxed");
    verifier = workload.verifier();
    signed = workload.signed();
    Workload.requirePass(verifier, signed, "dkim4j");
    List<HeaderField> fields = new MessageReader(signed, MessageLimits.DEFAULT).readHeader();
    signatureValue = fields.get(0).value();
    this.fields = fields;
    headerBuffer = new byte[signed.length];
    bodyOffset = indexOfBody(signed);
    limit = new Limit();
    limit.size = "4KB";
    limit.algorithm = "rsa-sha256";
    limit.setUp();
  }

  /** The whole verification. */
  @Benchmark
  public DkimResults verify() {
    return verifier.verify(signed);
  }

  /** The limit: SHA-256 of the message and one public-key operation. */
  @Benchmark
  public boolean limit() throws GeneralSecurityException {
    return limit.verify(new CpuTime());
  }

  /** SHA-256 of the message in one call, the hashing part of the limit. */
  @Benchmark
  public byte[] sha256() throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-256").digest(signed);
  }

  /** Splitting the header section into fields, as the signer and verifier do: sharing its bytes. */
  @Benchmark
  public List<HeaderField> readHeader() throws IOException {
    return MessageReader.sharing(signed, MessageLimits.DEFAULT).readHeader();
  }

  /**
   * Relaxed canonicalization of every header field, each canonicalized as it is copied into one
   * buffer, as the verifier's header hash does it.
   */
  @Benchmark
  public int canonicalizeHeader() {
    int n = 0;
    for (HeaderField field : fields) {
      n += field.copyCanonical(Canonicalization.RELAXED, headerBuffer, n);
    }
    return n;
  }

  /** The relaxed body hash: canonicalization and SHA-256 of the body. */
  @Benchmark
  public byte[] bodyHash() throws GeneralSecurityException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    BodyCanonicalizer canonicalizer =
        BodyCanonicalizer.of(Canonicalization.RELAXED, digest::update);
    canonicalizer.update(signed, bodyOffset, signed.length - bodyOffset);
    canonicalizer.finish();
    return digest.digest();
  }

  /** SHA-256 of the body bytes as they are. */
  @Benchmark
  public byte[] bodySha256() throws GeneralSecurityException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(signed, bodyOffset, signed.length - bodyOffset);
    return digest.digest();
  }

  static int indexOfBody(byte[] message) {
    for (int i = 3; i < message.length; i++) {
      if (message[i - 3] == '\r'
          && message[i - 2] == '\n'
          && message[i - 1] == '\r'
          && message[i] == '\n') {
        return i + 1;
      }
    }
    throw new IllegalStateException("no body");
  }

  /** Parsing the DKIM-Signature field, as the verifier does: from the field's bytes. */
  @Benchmark
  public DkimSignature parseSignature() {
    return DkimSignature.parse(fields.get(0));
  }

  /** Parsing the DKIM-Signature field value given as a string. */
  @Benchmark
  public DkimSignature parseSignatureValue() {
    return DkimSignature.parse(signatureValue);
  }
}
