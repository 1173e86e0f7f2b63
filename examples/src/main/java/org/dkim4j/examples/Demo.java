package org.dkim4j.examples;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Properties;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.dmarc.DmarcEvaluation;
import org.dkim4j.dmarc.DmarcEvaluator;
import org.dkim4j.dmarc.SpfInput;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.jakarta.DkimSigningMimeMessage;

/**
 * The main job, end to end and without network: generate an RSA-2048 and an Ed25519 key, publish
 * them with a DMARC record in an in-memory DNS zone, sign a Jakarta Mail message with both, verify
 * it, evaluate DMARC, then change one byte and show the failure.
 */
public final class Demo {
  private Demo() {}

  /** Runs the demo. */
  public static void main(String[] args) throws Exception {
    System.exit(run(System.out) ? 0 : 1);
  }

  /**
   * Runs the demo, printing to {@code out}.
   *
   * @return true when the signed message passed DKIM and DMARC and the tampered one failed both
   */
  public static boolean run(PrintStream out)
      throws GeneralSecurityException, MessagingException, IOException {
    out.println("dkim4j demo: sign with DKIM, verify, evaluate DMARC. No network is used.");
    out.println();

    SigningKey rsa = generate("RSA", 2048);
    SigningKey ed25519 = generate("Ed25519", 0);
    String rsaRecord = "v=DKIM1; k=rsa; p=" + base64(rsa.publicKeyData());
    String edRecord = "v=DKIM1; k=ed25519; p=" + base64(ed25519.publicKeyData());
    String dmarcRecord = "v=DMARC1; p=reject; rua=mailto:dmarc-reports@example.com";
    out.println("1. Generated two keys and published them, with a DMARC policy, in a DNS zone:");
    out.println("   2026r._domainkey.example.com. TXT \"" + abbreviate(rsaRecord) + "\"");
    out.println("   2026e._domainkey.example.com. TXT \"" + edRecord + "\"");
    out.println("   _dmarc.example.com.           TXT \"" + dmarcRecord + "\"");
    out.println();
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt("2026r._domainkey.example.com", rsaRecord)
            .txt("2026e._domainkey.example.com", edRecord)
            .txt("_dmarc.example.com", dmarcRecord)
            .build();

    DkimSigner signer =
        DkimSigner.builder()
            .domain("example.com")
            .selector("2026r")
            .key(rsa)
            .build()
            .and(DkimSigner.builder().domain("example.com").selector("2026e").key(ed25519).build());
    Properties properties = new Properties();
    properties.put("mail.host", "example.com"); // Message-ID domain; avoids a host name lookup
    Session session = Session.getInstance(properties);
    MimeMessage message = new DkimSigningMimeMessage(session, signer);
    message.setFrom("Alice <alice@example.com>");
    message.setRecipients(Message.RecipientType.TO, "bob@example.org");
    message.setSubject("Lunch on Friday?", "UTF-8");
    message.setText("Shall we meet at noon? Caf\u00e9 Central has a table for us.\n", "UTF-8");
    message.saveChanges();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    message.writeTo(bytes); // what Transport.send would put on the wire
    byte[] signed = bytes.toByteArray();
    String text = new String(signed, StandardCharsets.UTF_8);
    out.println("2. Signed a Jakarta Mail message with both keys (rsa-sha256 and ed25519-sha256):");
    out.print(indent(text.substring(0, text.indexOf("\r\n\r\n") + 2)));
    out.println();

    DkimVerifier verifier = DkimVerifier.builder().resolver(zone).build();
    DmarcEvaluator evaluator =
        DmarcEvaluator.builder().resolver(zone).dkimVerifier(verifier).build();
    DmarcEvaluation good = evaluator.evaluate(signed, SpfInput.none());
    out.println("3. Verified as a receiver would (dkim4j writes the Authentication-Results):");
    out.print(indent(good.authenticationResults("mx.example.org").toHeaderField()));
    out.println();

    byte[] tampered = text.replace("noon", "nine").getBytes(StandardCharsets.UTF_8);
    DmarcEvaluation bad = evaluator.evaluate(tampered, SpfInput.none());
    out.println("4. The same message with one body word changed (noon -> nine):");
    out.print(indent(bad.authenticationResults("mx.example.org").toHeaderField()));
    out.println();

    boolean ok =
        good.dkimResults().stream().allMatch(DkimResult::passed)
            && good.verdict().passed()
            && bad.dkimResults().stream().noneMatch(DkimResult::passed)
            && !bad.verdict().passed();
    out.println(
        ok
            ? "Both signatures pass and DMARC passes; after the change both fail and DMARC says"
                + " reject, as it should."
            : "UNEXPECTED: the results above are not what the demo expects.");
    return ok;
  }

  private static SigningKey generate(String algorithm, int bits) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (bits > 0) {
      generator.initialize(bits);
    }
    return SigningKey.of(generator.generateKeyPair().getPrivate());
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String abbreviate(String record) {
    return record.length() <= 60 ? record : record.substring(0, 57) + "...";
  }

  private static String indent(String text) {
    return text.replaceAll("(?m)^", "   ").replace("\r\n", "\n");
  }
}
