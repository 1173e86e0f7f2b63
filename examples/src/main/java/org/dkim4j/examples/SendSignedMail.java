package org.dkim4j.examples;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.jakarta.DkimSigningMimeMessage;

/**
 * Signs a message with DKIM and sends it through an SMTP server with Jakarta Mail.
 *
 * <pre>
 * java -cp dkim4j.jar org.dkim4j.examples.SendSignedMail SMTP_HOST SMTP_PORT KEY_FILE SELECTOR FROM TO
 * </pre>
 *
 * The signing domain is the domain of FROM, so the signature aligns for DMARC.
 */
public final class SendSignedMail {
  private SendSignedMail() {}

  /** Runs the example. */
  public static void main(String[] args) throws IOException, MessagingException {
    if (args.length != 6) {
      System.err.println("usage: SendSignedMail SMTP_HOST SMTP_PORT KEY_FILE SELECTOR FROM TO");
      System.exit(2);
    }
    Properties properties = new Properties();
    properties.put("mail.smtp.host", args[0]);
    properties.put("mail.smtp.port", args[1]);
    Session session = Session.getInstance(properties);
    send(session, SigningKey.fromFile(Path.of(args[2])), args[3], args[4], args[5]);
  }

  /**
   * Builds, signs and sends one message.
   *
   * @param session a session configured for the SMTP server
   * @param key the private key whose public half is at {@code selector._domainkey.DOMAIN}
   * @param selector the selector
   * @param from the sender; its domain is the signing domain
   * @param to the recipient
   */
  public static void send(Session session, SigningKey key, String selector, String from, String to)
      throws MessagingException {
    String domain = from.substring(from.lastIndexOf('@') + 1);
    DkimSigner signer = DkimSigner.builder().domain(domain).selector(selector).key(key).build();
    MimeMessage message = new DkimSigningMimeMessage(session, signer);
    message.setFrom(from);
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject("Signed with dkim4j", "UTF-8");
    message.setText("This message carries a DKIM signature.\n", "UTF-8");
    Transport.send(message); // signs inside writeTo, over exactly the bytes sent
  }
}
