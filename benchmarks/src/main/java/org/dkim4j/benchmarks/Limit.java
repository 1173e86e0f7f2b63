package org.dkim4j.benchmarks;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.dkim4j.crypto.DigestInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The limit no DKIM implementation can beat: the JDK's SHA-256 over the message bytes as they are,
 * then one private-key (sign) or public-key (verify) operation on that digest, with the fastest
 * back-end the JVM has for the algorithm ({@link SignatureBackends}: the JDK for RSA, Bouncy
 * Castle's lightweight API for Ed25519, its public point decoded ahead of time; for RSA, the JDK's
 * {@link Signature} objects are initialized with the keys once: dkim4j keeps its verifier so, and
 * makes a signer per signature, which costs about 0.2 µs beside a private-key operation of about
 * 0.8 ms). No parsing, no canonicalization, one hash instead of two. Each operation hashes the
 * message dkim4j is given for it: the message to sign, or the signed message (the DKIM-Signature
 * field in front) to verify.
 */
@State(Scope.Thread) // the Signature objects are not for two threads at once
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Limit {

  /** Message size. */
  @Param({"4KB", "100KB", "10MB"})
  public String size;

  /** Signature algorithm. */
  @Param({"rsa-sha256", "ed25519-sha256"})
  public String algorithm;

  private byte[] message;
  private byte[] signed;
  private boolean rsa;
  private Ed25519PrivateKeyParameters ed25519;
  private Ed25519.PublicPoint ed25519Public;
  private byte[] signature;
  private Signature rsaSigner;
  private Signature rsaVerifier;

  /** Creates the key and a signature to verify. */
  @Setup
  public void setUp() throws GeneralSecurityException {
    Workload workload = Workload.of(size, algorithm, "relaxed/relaxed");
    message = workload.message;
    signed = workload.signed();
    rsa = workload.rsa;
    if (rsa) {
      rsaSigner = Signature.getInstance("NONEwithRSA");
      rsaSigner.initSign(workload.rsaKeys.getPrivate());
      rsaVerifier = Signature.getInstance("NONEwithRSA");
      rsaVerifier.initVerify(workload.rsaPublic());
    } else {
      ed25519 = workload.ed25519;
      ed25519Public =
          Ed25519.validatePublicKeyFullExport(ed25519.generatePublicKey().getEncoded(), 0);
    }
    signature = sign(MessageDigest.getInstance("SHA-256").digest(signed));
    if (!verify(new CpuTime())) {
      throw new IllegalStateException("the limit does not verify its own signature");
    }
  }

  /** SHA-256 of the message, then one signing operation. */
  @Benchmark
  public byte[] sign(CpuTime cpu) throws GeneralSecurityException {
    cpu.calls++;
    return sign(MessageDigest.getInstance("SHA-256").digest(message));
  }

  private byte[] sign(byte[] digest) throws GeneralSecurityException {
    if (rsa) {
      rsaSigner.update(DigestInfo.sha256(digest));
      return rsaSigner.sign();
    }
    byte[] result = new byte[Ed25519.SIGNATURE_SIZE];
    ed25519.sign(Ed25519.Algorithm.Ed25519, null, digest, 0, digest.length, result, 0);
    return result;
  }

  /** SHA-256 of the signed message, then one verifying operation. */
  @Benchmark
  public boolean verify(CpuTime cpu) throws GeneralSecurityException {
    cpu.calls++;
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(signed);
    if (rsa) {
      rsaVerifier.update(DigestInfo.sha256(digest));
      return rsaVerifier.verify(signature);
    }
    return Ed25519.verify(signature, 0, ed25519Public, digest, 0, digest.length);
  }
}
