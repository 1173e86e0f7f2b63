package org.dkim4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Properties;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimKeyGenerator;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.DkimStatus;
import org.dkim4j.dkim.GeneratedDkimKey;
import org.dkim4j.dmarc.DmarcEvaluation;
import org.dkim4j.dmarc.DmarcResult;
import org.dkim4j.dmarc.SpfInput;
import org.dkim4j.dmarc.SpfResult;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.dns.ZoneFileResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs each runnable example, so that none of them can rot. */
class ExamplesTest {

  @TempDir Path dir;

  static final String MESSAGE =
      "From: Alice <alice@example.com>\r\nTo: bob@example.org\r\nSubject: hi\r\n"
          + "Message-ID: <1@example.com>\r\n\r\nHello Bob.\r\n";

  @Test
  void sendSignedMailSendsAMessageThatVerifiesOnArrival() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      GeneratedDkimKey key =
          DkimKeyGenerator.builder()
              .domain("example.com")
              .selector("s1")
              .ed25519()
              .build()
              .generate();
      Properties properties = new Properties();
      properties.put("mail.smtp.host", "127.0.0.1");
      properties.put("mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()));
      properties.put("mail.host", "example.com");
      SendSignedMail.send(
          Session.getInstance(properties),
          key.signingKey(),
          "s1",
          "alice@example.com",
          "bob@example.org");
      MimeMessage[] received = smtp.getReceivedMessages();
      assertEquals(1, received.length);
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      received[0].writeTo(raw);
      Path eml = Files.write(dir.resolve("received.eml"), raw.toByteArray());
      Path zone = Files.writeString(dir.resolve("zone.txt"), key.zoneLine());
      DkimResults results =
          VerifyEml.verify(eml, ZoneFileResolver.fromFiles(java.util.List.of(zone), null));
      assertEquals(DkimStatus.PASS, results.status(), results.toString());
    } finally {
      smtp.stop();
    }
  }

  @Test
  void verifyEmlAndEvaluateDmarcReadSavedMessages() throws Exception {
    GeneratedDkimKey key =
        DkimKeyGenerator.builder().domain("example.com").selector("s2").build().generate();
    DkimSigner signer =
        DkimSigner.builder().domain("example.com").selector("s2").key(key.signingKey()).build();
    Path eml =
        Files.write(
            dir.resolve("signed.eml"),
            signer.sign(MESSAGE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt("s2._domainkey.example.com", key.recordText())
            .txt("_dmarc.example.com", "v=DMARC1; p=reject")
            .build();
    assertEquals(DkimStatus.PASS, VerifyEml.verify(eml, zone).status());
    DmarcEvaluation evaluation =
        EvaluateDmarc.evaluate(eml, SpfInput.of("example.com", SpfResult.FAIL), zone);
    assertEquals(DmarcResult.PASS, evaluation.verdict().result());
    assertTrue(
        evaluation
            .authenticationResults("mx")
            .format()
            .endsWith("dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com"));
  }

  @Test
  void keyStoreSigningUsesAKeyFromAPkcs12File() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("CN=dkim.example.com");
    Instant now = Instant.now();
    Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.ONE,
                        Date.from(now),
                        Date.from(now.plus(1, ChronoUnit.DAYS)),
                        name,
                        pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    char[] password = "changeit".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("dkim", pair.getPrivate(), password, new Certificate[] {certificate});
    Path file = dir.resolve("keys.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password);
    }
    SigningKey key = KeyStoreSigning.load(file, "dkim", password);
    assertEquals(2048, key.bits());
    byte[] signed =
        DkimSigner.builder()
            .domain("example.com")
            .selector("p12")
            .key(key)
            .build()
            .sign(MESSAGE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt(
                "p12._domainkey.example.com",
                "v=DKIM1; p="
                    + java.util.Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
            .build();
    assertEquals(
        DkimStatus.PASS,
        org.dkim4j.dkim.DkimVerifier.builder().resolver(zone).build().verify(signed).status());
  }
}
