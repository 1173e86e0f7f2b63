package org.dkim4j.benchmarks;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.dkim4j.canon.BodyCanonicalizer;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageLimits;
import org.dkim4j.message.MessageReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The steps of signing a 4 KB or 100 KB ed25519-sha256 relaxed/relaxed message, each timed alone,
 * beside the whole signature and the two parts of the limit (SHA-256 of the message, the
 * private-key operation). Ed25519 signs fastest of the four key operations, so dkim4j's own work
 * per message weighs most beside it: sign minus the key operation minus hashing is what reading the
 * header, canonicalizing and writing the DKIM-Signature field cost.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SignSteps -f 2 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SignSteps {

  /** Message size: at 4 KB the work per message weighs most, at 100 KB the work per byte. */
  @Param({"4KB", "100KB"})
  public String size;

  private byte[] message;
  private DkimSigner signer;
  private DkimSigner withoutKeyOperation;
  private SigningKey key;
  private byte[] digest;
  private Limit limit;
  private int bodyOffset;

  /** Builds the workload. */
  @Setup
  public void setUp() throws GeneralSecurityException, IOException {
    Workload workload = Workload.of(size, "ed25519-sha256", "relaxed/relaxed");
    message = workload.message;
    signer = workload.signer();
    key = workload.signingKey;
    byte[] fixedSignature = key.sign(new byte[32]);
    PublicKey publicKey =
        KeyFactory.getInstance("Ed25519", new BouncyCastleProvider())
            .generatePublic(
                new X509EncodedKeySpec(
                    new SubjectPublicKeyInfo(
                            new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                            key.publicKeyData())
                        .getEncoded()));
    withoutKeyOperation =
        DkimSigner.builder()
            .domain(Workload.DOMAIN)
            .selector(Workload.SELECTOR)
            .key(SigningKey.external(publicKey, sha256 -> fixedSignature.clone()))
            .canonicalization(Canonicalization.RELAXED, Canonicalization.RELAXED)
            .build();
    digest = MessageDigest.getInstance("SHA-256").digest(message);
    bodyOffset = VerifySteps.indexOfBody(message);
    limit = new Limit();
    limit.size = size;
    limit.algorithm = "ed25519-sha256";
    limit.setUp();
  }

  /** The whole signature: the DKIM-Signature field for the message. */
  @Benchmark
  public String sign() {
    return signer.signatureFields(message);
  }

  /**
   * The whole signature with a key that returns a fixed signature at once: dkim4j's own work and
   * its hashing, against {@link #sha256()} for the limit's.
   */
  @Benchmark
  public String signWithoutKeyOperation() {
    return withoutKeyOperation.signatureFields(message);
  }

  /** The limit: SHA-256 of the message and one private-key operation. */
  @Benchmark
  public byte[] limit() throws GeneralSecurityException {
    return limit.sign(new CpuTime());
  }

  /** The private-key operation alone, on a SHA-256 digest. */
  @Benchmark
  public byte[] keyOperation() throws GeneralSecurityException {
    return key.sign(digest);
  }

  /** SHA-256 of the message in one call, the hashing part of the limit. */
  @Benchmark
  public byte[] sha256() throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-256").digest(message);
  }

  /** Splitting the header section into fields, as the signer and verifier do: sharing its bytes. */
  @Benchmark
  public List<HeaderField> readHeader() throws IOException {
    return MessageReader.sharing(message, MessageLimits.DEFAULT).readHeader();
  }

  /** The relaxed body hash: canonicalization and SHA-256 of the body. */
  @Benchmark
  public byte[] bodyHash() throws GeneralSecurityException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    BodyCanonicalizer canonicalizer =
        BodyCanonicalizer.of(Canonicalization.RELAXED, digest::update);
    canonicalizer.update(message, bodyOffset, message.length - bodyOffset);
    canonicalizer.finish();
    return digest.digest();
  }
}
