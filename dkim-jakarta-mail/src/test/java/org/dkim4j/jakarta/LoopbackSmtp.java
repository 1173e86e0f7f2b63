package org.dkim4j.jakarta;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

/** A GreenMail SMTP server on 127.0.0.1 at a free port, and sessions that send to it. */
final class LoopbackSmtp implements AutoCloseable {

  final GreenMail greenMail;

  LoopbackSmtp() {
    greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
  }

  int port() {
    return greenMail.getSmtp().getPort();
  }

  /** A session that sends to this server; {@code utf8} sets {@code mail.mime.allowutf8}. */
  Session session(boolean utf8) {
    Properties props = new Properties();
    props.setProperty("mail.transport.protocol", "smtp");
    props.setProperty("mail.smtp.host", "127.0.0.1");
    props.setProperty("mail.smtp.port", Integer.toString(port()));
    props.setProperty("mail.smtp.connectiontimeout", "10000");
    props.setProperty("mail.smtp.timeout", "10000");
    props.setProperty("mail.smtp.localhost", "client.example.com");
    if (utf8) {
      props.setProperty("mail.mime.allowutf8", "true");
    }
    return Session.getInstance(props);
  }

  MimeMessage[] received() {
    return greenMail.getReceivedMessages();
  }

  /** The bytes of a received message, as GreenMail stored them. */
  static byte[] raw(MimeMessage received) throws IOException, MessagingException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    received.writeTo(out);
    return out.toByteArray();
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
