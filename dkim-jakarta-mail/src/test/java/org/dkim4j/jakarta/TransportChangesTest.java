package org.dkim4j.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimStatus;
import org.junit.jupiter.api.Test;

/**
 * What the transport changes after {@code Transport.send} has called {@code saveChanges()}: with
 * {@code mail.smtp.allow8bitmime} and a server that offers 8BITMIME, Jakarta Mail re-encodes
 * quoted-printable text parts to 8bit and saves the message again, which sets a new Message-ID.
 * Signing inside {@code writeTo} signs the result; signing beforehand, the classic approach,
 * breaks.
 */
class TransportChangesTest {

  static Session session(int port) {
    Properties props = new Properties();
    props.setProperty("mail.smtp.host", "127.0.0.1");
    props.setProperty("mail.smtp.port", Integer.toString(port));
    props.setProperty("mail.smtp.allow8bitmime", "true");
    props.setProperty("mail.smtp.timeout", "10000");
    props.setProperty("mail.smtp.connectiontimeout", "10000");
    return Session.getInstance(props);
  }

  static void fill(MimeMessage message) throws Exception {
    MessageShape.QUOTED_PRINTABLE.create(message);
  }

  @Test
  void reEncodingTo8bitAfterSaveChangesIsSignedAsSent() throws Exception {
    try (EightBitMimeSmtpServer server = new EightBitMimeSmtpServer()) {
      DkimSigningMimeMessage message =
          new DkimSigningMimeMessage(session(server.port()), TestKeys.rsaSigner());
      fill(message);

      Transport.send(message);

      byte[] received = server.received.get(0);
      String text = new String(received, StandardCharsets.UTF_8);
      assertTrue(text.contains("Content-Transfer-Encoding: 8bit"), text);
      assertTrue(text.contains("soft line breaks: ===="), "the body went out as 8bit: " + text);
      DkimResult result = TestKeys.verifier().verify(received).results().get(0);
      assertEquals(DkimStatus.PASS, result.status(), result.toString());
    }
  }

  @Test
  void signingBeforeSendingBreaksAsJavaSignersAlwaysHave() throws Exception {
    try (EightBitMimeSmtpServer server = new EightBitMimeSmtpServer()) {
      Session session = session(server.port());
      MimeMessage draft = new MimeMessage(session);
      fill(draft);
      draft.saveChanges();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      draft.writeTo(bytes);
      byte[] signedEarly = TestKeys.rsaSigner().sign(bytes.toByteArray());

      Transport.send(new MimeMessage(session, new ByteArrayInputStream(signedEarly)));

      byte[] received = server.received.get(0);
      assertFalse(TestKeys.verifier().verify(received).anyPassed());
    }
  }
}
