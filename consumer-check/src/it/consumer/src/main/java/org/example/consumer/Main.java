package org.example.consumer;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.dkim4j.dkim.DkimKeyGenerator;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.GeneratedDkimKey;
import org.dkim4j.dmarc.DmarcEvaluation;
import org.dkim4j.dmarc.DmarcEvaluator;
import org.dkim4j.dmarc.SpfInput;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.jakarta.DkimSigningMimeMessage;

/** What a user's application does: sign with Jakarta Mail, then verify DKIM and DMARC. */
public final class Main {
  public static void main(String[] args) throws Exception {
    GeneratedDkimKey key =
        DkimKeyGenerator.builder().domain("example.com").selector("app").ed25519().build().generate();
    DkimSigner signer =
        DkimSigner.builder().domain("example.com").selector("app").key(key.signingKey()).build();
    Properties properties = new Properties();
    properties.put("mail.host", "example.com");
    MimeMessage message = new DkimSigningMimeMessage(Session.getInstance(properties), signer);
    message.setFrom("alice@example.com");
    message.setRecipients(Message.RecipientType.TO, "bob@example.org");
    message.setSubject("consumer check");
    message.setText("Signed by an application that depends on dkim4j.\n");
    message.saveChanges();
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    message.writeTo(signed);

    InMemoryTxtResolver dns =
        InMemoryTxtResolver.builder()
            .txt("app._domainkey.example.com", key.recordText())
            .txt("_dmarc.example.com", "v=DMARC1; p=reject")
            .build();
    DmarcEvaluation evaluation =
        DmarcEvaluator.builder().resolver(dns).build().evaluate(signed.toByteArray(), SpfInput.none());
    String result = evaluation.authenticationResults("consumer").format();
    System.out.println("[" + args[0] + "] " + result);
    if (!evaluation.verdict().passed() || !evaluation.dkimResults().anyPassed()) {
      throw new IllegalStateException("expected dkim=pass and dmarc=pass, got " + result);
    }
    boolean modular = Main.class.getModule().isNamed();
    if (modular != args[0].equals("module path")) {
      throw new IllegalStateException("ran on the " + (modular ? "module" : "class") + " path");
    }
  }
}
