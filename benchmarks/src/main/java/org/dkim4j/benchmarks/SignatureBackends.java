package org.dkim4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.NullDigest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.dkim4j.crypto.DigestInfo;
import org.dkim4j.crypto.SignatureAlgorithm;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.crypto.VerificationKey;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The sign and verify back-ends DKIM can use, side by side: the JDK's {@link Signature} against
 * Bouncy Castle's lightweight API, for RSA-2048 (rsa-sha256, RFC 6376 section 3.3.1) and Ed25519
 * (ed25519-sha256, RFC 8463 section 3).
 *
 * <p>DKIM signs the SHA-256 digest of the canonicalized header data, so most variants take that
 * 32-byte digest; the {@code Sha256withRsa} variants take the header data itself (hashing
 * included), as a caller of the JDK's combined algorithm would. Every operation creates and
 * initialises its signer, as a shared immutable key must. {@code dkim4j} variants measure the
 * library's own {@link SigningKey} and {@link VerificationKey}.
 *
 * <p>A verifier decodes each key it fetches, so {@code rsaDecodeAndVerify*} include decoding the
 * {@code p=} bytes, and {@code rsaFirstVerify*} (average time per call) use a modulus never seen
 * before, where Bouncy Castle first proves it composite.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SignatureBackends -wi 2 -i 3 -f 1 -w 1s
 * -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBackends {

  /**
   * CPU time of the benchmark thread per iteration, beside JMH's wall-clock score: on a machine
   * shared with other work the CPU time per call ({@code cpuNanos / calls}) stays comparable when
   * throughput does not.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
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

  private static final byte[] HEADER_DATA =
      ("from:Joe SixPack <joe@football.example.com>\r\n"
              + "to:Suzie Q <suzie@shopping.example.net>\r\n"
              + "subject:Is dinner ready?\r\n"
              + "date:Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n"
              + "message-id:<20030712040037.46341.5F8J@football.example.com>\r\n"
              + "dkim-signature:v=1; a=rsa-sha256; c=relaxed/relaxed; d=football.example.com;"
              + " s=test; t=1528637909; h=from:to:subject:date:message-id:from;"
              + " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=; b=")
          .getBytes(StandardCharsets.US_ASCII);

  private byte[] digest;
  private byte[] digestInfo;

  private PrivateKey rsaPrivate;
  private PublicKey rsaPublic;
  private AsymmetricKeyParameter bcRsaPrivate;
  private AsymmetricKeyParameter bcRsaPublic;
  private SigningKey dkimRsa;
  private VerificationKey dkimRsaVerify;
  private byte[] rsaSignature;
  private byte[] rsaRecordData;

  private PrivateKey jdkEdPrivate;
  private PublicKey jdkEdPublic;
  private Ed25519PrivateKeyParameters bcEdPrivate;
  private Ed25519PublicKeyParameters bcEdPublic;
  private byte[] edPublicRaw;
  private Ed25519.PublicPoint edPublicPoint;
  private SigningKey dkimEd;
  private VerificationKey dkimEdVerify;
  private byte[] edSignature;

  /** Creates the keys and one signature of each kind to verify. */
  @Setup
  public void setUp() throws Exception {
    digest = MessageDigest.getInstance("SHA-256").digest(HEADER_DATA);
    digestInfo = DigestInfo.sha256(digest);

    KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
    rsaGenerator.initialize(2048, new SecureRandom());
    KeyPair rsa = rsaGenerator.generateKeyPair();
    rsaPrivate = rsa.getPrivate();
    rsaPublic = rsa.getPublic();
    bcRsaPrivate = PrivateKeyFactory.createKey(rsaPrivate.getEncoded());
    bcRsaPublic = PublicKeyFactory.createKey(rsaPublic.getEncoded());
    dkimRsa = SigningKey.of(rsaPrivate);
    dkimRsaVerify = VerificationKey.of(rsaPublic);
    rsaSignature = dkimRsa.sign(digest);
    rsaRecordData = rsaPublic.getEncoded();

    bcEdPrivate = new Ed25519PrivateKeyParameters(new SecureRandom());
    bcEdPublic = bcEdPrivate.generatePublicKey();
    edPublicRaw = bcEdPublic.getEncoded();
    edPublicPoint = Ed25519.validatePublicKeyFullExport(edPublicRaw, 0);
    byte[] pkcs8 =
        new PrivateKeyInfo(
                new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                new DEROctetString(bcEdPrivate.getEncoded()))
            .getEncoded();
    byte[] spki =
        new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), edPublicRaw)
            .getEncoded();
    KeyFactory edFactory = KeyFactory.getInstance("Ed25519");
    jdkEdPrivate = edFactory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    jdkEdPublic = edFactory.generatePublic(new X509EncodedKeySpec(spki));
    dkimEd = SigningKey.of(jdkEdPrivate);
    dkimEdVerify = VerificationKey.of(jdkEdPublic);
    edSignature = dkimEd.sign(digest);
    CpuTime unused = new CpuTime();
    if (!ed25519VerifyJdk(unused)
        || !ed25519VerifyBcSigner(unused)
        || !ed25519VerifyBcPublicPoint(unused)
        || !rsaVerifyBcDigestSigner(unused)
        || !rsaVerifyJdkNoneWithRsa(unused)) {
      throw new IllegalStateException("the back-ends disagree");
    }
  }

  // ---- RSA-2048 sign ----

  /** JDK SHA256withRSA over the header data (hashing included). */
  @Benchmark
  public byte[] rsaSignJdkSha256WithRsa(CpuTime cpu) throws GeneralSecurityException {
    cpu.calls++;
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(rsaPrivate);
    signature.update(HEADER_DATA);
    return signature.sign();
  }

  /** JDK NONEwithRSA over the DigestInfo of the digest. */
  @Benchmark
  public byte[] rsaSignJdkNoneWithRsa(CpuTime cpu) throws GeneralSecurityException {
    cpu.calls++;
    Signature signature = Signature.getInstance("NONEwithRSA");
    signature.initSign(rsaPrivate);
    signature.update(digestInfo);
    return signature.sign();
  }

  /** Bouncy Castle RSADigestSigner (PKCS#1 v1.5, blinded) over the digest. */
  @Benchmark
  public byte[] rsaSignBcDigestSigner(CpuTime cpu) throws CryptoException {
    cpu.calls++;
    RSADigestSigner signer = new RSADigestSigner(new NullDigest(), NISTObjectIdentifiers.id_sha256);
    signer.init(true, bcRsaPrivate);
    signer.update(digest, 0, digest.length);
    return signer.generateSignature();
  }

  /** dkim4j's SigningKey. */
  @Benchmark
  public byte[] rsaSignDkim4j(CpuTime cpu) throws GeneralSecurityException {
    cpu.calls++;
    return dkimRsa.sign(digest);
  }

  // ---- RSA-2048 verify ----

  /** JDK SHA256withRSA over the header data (hashing included). */
  @Benchmark
  public boolean rsaVerifyJdkSha256WithRsa(CpuTime cpu) throws GeneralSecurityException {
    cpu.calls++;
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initVerify(rsaPublic);
    signature.update(HEADER_DATA);
    return signature.verify(rsaSignature);
  }

  /** JDK NONEwithRSA over the DigestInfo of the digest. */
  @Benchmark
  public boolean rsaVerifyJdkNoneWithRsa(CpuTime cpu) throws GeneralSecurityException {
    cpu.calls++;
    Signature signature = Signature.getInstance("NONEwithRSA");
    signature.initVerify(rsaPublic);
    signature.update(digestInfo);
    return signature.verify(rsaSignature);
  }

  /** Bouncy Castle RSADigestSigner over the digest. */
  @Benchmark
  public boolean rsaVerifyBcDigestSigner(CpuTime cpu) {
    cpu.calls++;
    RSADigestSigner signer = new RSADigestSigner(new NullDigest(), NISTObjectIdentifiers.id_sha256);
    signer.init(false, bcRsaPublic);
    signer.update(digest, 0, digest.length);
    return signer.verifySignature(rsaSignature);
  }

  /**
   * The JDK decoding the key from its {@code p=} bytes, then verifying: what a verifier does for
   * each signature, since each brings its own DNS lookup.
   */
  @Benchmark
  public boolean rsaDecodeAndVerifyJdk(CpuTime cpu) throws GeneralSecurityException {
    cpu.calls++;
    PublicKey key =
        KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(rsaRecordData));
    Signature signature = Signature.getInstance("NONEwithRSA");
    signature.initVerify(key);
    signature.update(digestInfo);
    return signature.verify(rsaSignature);
  }

  /**
   * Bouncy Castle decoding the key from its {@code p=} bytes, then verifying. Its key checks (the
   * modulus must be composite) run once per decoded key.
   */
  @Benchmark
  public boolean rsaDecodeAndVerifyBc(CpuTime cpu) throws java.io.IOException {
    cpu.calls++;
    RSADigestSigner signer = new RSADigestSigner(new NullDigest(), NISTObjectIdentifiers.id_sha256);
    signer.init(false, PublicKeyFactory.createKey(rsaRecordData));
    signer.update(digest, 0, digest.length);
    return signer.verifySignature(rsaSignature);
  }

  /**
   * A 2048-bit modulus never seen before, made fresh for every call (outside the measurement): the
   * first signature a verifier checks with a domain's key.
   */
  @State(Scope.Thread)
  public static class FreshModulus {
    private final SecureRandom random = new SecureRandom();

    /** The modulus for the next call. */
    public BigInteger modulus;

    /** Makes a new RSA modulus: the product of two 1024-bit primes. */
    @Setup(Level.Invocation)
    public void draw() {
      modulus =
          BigInteger.probablePrime(1024, random).multiply(BigInteger.probablePrime(1024, random));
    }
  }

  /**
   * The JDK verifying with a key it has not seen before (the result is false: only cost counts).
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean rsaFirstVerifyJdk(FreshModulus fresh) throws GeneralSecurityException {
    PublicKey key =
        KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(fresh.modulus, BigInteger.valueOf(65537)));
    Signature signature = Signature.getInstance("NONEwithRSA");
    signature.initVerify(key);
    signature.update(digestInfo);
    return signature.verify(rsaSignature);
  }

  /**
   * Bouncy Castle verifying with a key it has not seen before. It first proves the modulus
   * composite (a Miller-Rabin round, about one full-size exponentiation) and remembers moduli it
   * has checked, so this cost comes once per key.
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean rsaFirstVerifyBc(FreshModulus fresh) {
    RSADigestSigner signer = new RSADigestSigner(new NullDigest(), NISTObjectIdentifiers.id_sha256);
    signer.init(false, new RSAKeyParameters(false, fresh.modulus, BigInteger.valueOf(65537)));
    signer.update(digest, 0, digest.length);
    return signer.verifySignature(rsaSignature);
  }

  /** dkim4j's VerificationKey. */
  @Benchmark
  public boolean rsaVerifyDkim4j(CpuTime cpu) {
    cpu.calls++;
    return dkimRsaVerify.verify(SignatureAlgorithm.RSA_SHA256, digest, rsaSignature);
  }

  // ---- Ed25519 sign ----

  /** JDK Ed25519 (SunEC) over the digest. */
  @Benchmark
  public byte[] ed25519SignJdk(CpuTime cpu) throws GeneralSecurityException {
    cpu.calls++;
    Signature signature = Signature.getInstance("Ed25519");
    signature.initSign(jdkEdPrivate);
    signature.update(digest);
    return signature.sign();
  }

  /** Bouncy Castle Ed25519Signer over the digest. */
  @Benchmark
  public byte[] ed25519SignBcSigner(CpuTime cpu) {
    cpu.calls++;
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, bcEdPrivate);
    signer.update(digest, 0, digest.length);
    return signer.generateSignature();
  }

  /** Bouncy Castle Ed25519PrivateKeyParameters.sign, no intermediate buffer. */
  @Benchmark
  public byte[] ed25519SignBcParameters(CpuTime cpu) {
    cpu.calls++;
    byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
    bcEdPrivate.sign(Ed25519.Algorithm.Ed25519, null, digest, 0, digest.length, signature, 0);
    return signature;
  }

  /** dkim4j's SigningKey. */
  @Benchmark
  public byte[] ed25519SignDkim4j(CpuTime cpu) throws GeneralSecurityException {
    cpu.calls++;
    return dkimEd.sign(digest);
  }

  // ---- Ed25519 verify ----

  /** JDK Ed25519 (SunEC) over the digest. */
  @Benchmark
  public boolean ed25519VerifyJdk(CpuTime cpu) throws GeneralSecurityException {
    cpu.calls++;
    Signature signature = Signature.getInstance("Ed25519");
    signature.initVerify(jdkEdPublic);
    signature.update(digest);
    return signature.verify(edSignature);
  }

  /** Bouncy Castle Ed25519Signer over the digest. */
  @Benchmark
  public boolean ed25519VerifyBcSigner(CpuTime cpu) {
    cpu.calls++;
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(false, bcEdPublic);
    signer.update(digest, 0, digest.length);
    return signer.verifySignature(edSignature);
  }

  /** Bouncy Castle's Ed25519.verify on the raw 32-byte key, no intermediate objects. */
  @Benchmark
  public boolean ed25519VerifyBcRaw(CpuTime cpu) {
    cpu.calls++;
    return Ed25519.verify(edSignature, 0, edPublicRaw, 0, digest, 0, digest.length);
  }

  /** Bouncy Castle's Ed25519.verify with the public key decoded once, ahead of time. */
  @Benchmark
  public boolean ed25519VerifyBcPublicPoint(CpuTime cpu) {
    cpu.calls++;
    return Ed25519.verify(edSignature, 0, edPublicPoint, digest, 0, digest.length);
  }

  /** Bouncy Castle's Ed25519PublicKeyParameters.verify (decodes the key once, lazily). */
  @Benchmark
  public boolean ed25519VerifyBcParameters(CpuTime cpu) {
    cpu.calls++;
    return bcEdPublic.verify(
        Ed25519.Algorithm.Ed25519, null, digest, 0, digest.length, edSignature, 0);
  }

  /** dkim4j's VerificationKey. */
  @Benchmark
  public boolean ed25519VerifyDkim4j(CpuTime cpu) {
    cpu.calls++;
    return dkimEdVerify.verify(SignatureAlgorithm.ED25519_SHA256, digest, edSignature);
  }
}
