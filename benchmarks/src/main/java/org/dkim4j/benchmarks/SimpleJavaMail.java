package org.dkim4j.benchmarks;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.interfaces.RSAPrivateKey;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/**
 * Simple Java Mail's utils-mail-dkim 3.2.2 signing the same messages as {@link Dkim4j}. It signs a
 * Jakarta Mail message as it writes it, and cannot verify. The message is parsed into a {@code
 * DkimMessage} once, outside the measurement, so only signing and writing are measured: what it
 * costs on top of sending.
 *
 * <p>Only rsa-sha256: for Ed25519 it asks the JCA for {@code NONEwithEdDSA}, a name that neither
 * the JDK nor Bouncy Castle provides, so signing fails before it starts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimpleJavaMail {

  /** Message size. */
  @Param({"4KB", "100KB", "10MB"})
  public String size;

  /** Header and body canonicalization. */
  @Param({"relaxed/relaxed", "simple/simple"})
  public String canonicalization;

  private DkimMessage message;

  /** Builds the signing message; checks that dkim4j verifies what it writes. */
  @Setup
  public void setUp() throws MessagingException, IOException {
    Workload workload = Workload.of(size, "rsa-sha256", canonicalization);
    DkimSigner signer =
        new DkimSigner(
            Workload.DOMAIN, Workload.SELECTOR, (RSAPrivateKey) workload.rsaKeys.getPrivate());
    signer.setCheckDomainKey(false);
    Canonicalization canon =
        workload.canonicalization == org.dkim4j.canon.Canonicalization.SIMPLE
            ? Canonicalization.SIMPLE
            : Canonicalization.RELAXED;
    signer.setHeaderCanonicalization(canon);
    signer.setBodyCanonicalization(canon);
    Session session = Session.getInstance(new Properties());
    message =
        new DkimMessage(
            new MimeMessage(session, new ByteArrayInputStream(workload.message)), signer);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    Workload.requirePass(workload.verifier(), out.toByteArray(), "Simple Java Mail's signature");
  }

  /** Signs the message and writes it. */
  @Benchmark
  public DkimMessage sign(CpuTime cpu) throws IOException, MessagingException {
    cpu.calls++;
    message.writeTo(OutputStream.nullOutputStream());
    return message;
  }
}
