package org.dkim4j.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimStatus;
import org.junit.jupiter.api.Test;

/** Verifying parsed messages: exact when unchanged, refused when a change can be seen. */
class DkimMimeVerifierTest {

  static final DkimMimeVerifier VERIFIER = new DkimMimeVerifier(TestKeys.verifier());

  static final String MESSAGE =
      "Received: from mx.example.org by mx.example.net; Mon, 23 Nov 2026 10:00:01 +0000\r\n"
          + "From: Alice <alice@example.com>\r\n"
          + "To: Bob <bob@example.org>\r\n"
          + "Subject: Lunch\r\n"
          + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
          + "Message-ID: <1@example.com>\r\n"
          + "MIME-Version: 1.0\r\n"
          + "Content-Type: text/plain; charset=utf-8\r\n"
          + "\r\n"
          + "Shall we meet at noon?\r\n";

  static byte[] signed(String message) {
    return TestKeys.rsaSigner().sign(message.getBytes(StandardCharsets.UTF_8));
  }

  static ReceivedMimeMessage received(Session session, byte[] raw) throws Exception {
    return new ReceivedMimeMessage(session, new ByteArrayInputStream(raw));
  }

  @Test
  void anUnchangedReceivedMessageVerifiesExactly() throws Exception {
    ReceivedMimeMessage message = received(LoopbackSmtpSessions.offline(), signed(MESSAGE));

    assertEquals(List.of(), message.modifications());
    assertEquals(DkimStatus.PASS, VERIFIER.verify(message).status());
  }

  @Test
  void aSharedInputStreamIsVerifiedExactlyToo() throws Exception {
    ReceivedMimeMessage message =
        new ReceivedMimeMessage(
            LoopbackSmtpSessions.offline(), new SharedByteArrayInputStream(signed(MESSAGE)));

    assertEquals(DkimStatus.PASS, VERIFIER.verify(message).status());
  }

  @Test
  void headerBytesThatAreNotUtf8SurviveWhereAPlainMimeMessageAltersThem() throws Exception {
    // é as one ISO-8859-1 byte in a signed header field: not valid UTF-8
    byte[] latin1 =
        TestKeys.rsaSigner()
            .sign(MESSAGE.replace("Lunch", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
    Session utf8 = LoopbackSmtpSessions.offlineUtf8();

    DkimResults plain = VERIFIER.verify(new MimeMessage(utf8, new ByteArrayInputStream(latin1)));
    DkimResults exact = VERIFIER.verify(received(utf8, latin1));

    assertEquals(DkimStatus.FAIL, plain.status(), "decoding as UTF-8 replaced the byte");
    assertEquals(DkimStatus.PASS, exact.status());
  }

  @Test
  void aChangedHeaderIsRefusedWithItsName() throws Exception {
    ReceivedMimeMessage message = received(LoopbackSmtpSessions.offline(), signed(MESSAGE));
    message.setSubject("[SPAM] Lunch");
    message.addHeader("X-Spam-Score", "7.1");

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> VERIFIER.verify(message));

    assertEquals(List.of("header fields changed: Subject, X-Spam-Score"), message.modifications());
    assertTrue(
        e.getMessage().contains("header fields changed: Subject, X-Spam-Score"), e.getMessage());
  }

  @Test
  void saveChangesIsRefused() throws Exception {
    ReceivedMimeMessage message = received(LoopbackSmtpSessions.offline(), signed(MESSAGE));
    message.saveChanges();

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> VERIFIER.verify(message));

    assertTrue(e.getMessage().contains("saveChanges() was called"), e.getMessage());
    assertTrue(
        message.modifications().stream().anyMatch(m -> m.startsWith("header fields changed")),
        "saveChanges() also set a new Message-ID: " + message.modifications());
  }

  @Test
  void newContentIsRefused() throws Exception {
    ReceivedMimeMessage message = received(LoopbackSmtpSessions.offline(), signed(MESSAGE));
    message.setText("Something else");

    assertTrue(message.modifications().contains("the content was replaced"));
    assertThrows(IllegalStateException.class, () -> VERIFIER.verify(message));
  }

  @Test
  void readingAMessageIsNotAChange() throws Exception {
    ReceivedMimeMessage message = received(LoopbackSmtpSessions.offline(), signed(MESSAGE));

    message.getContent();
    message.getAllHeaders();
    message.getFrom();

    assertEquals(List.of(), message.modifications());
    assertEquals(DkimStatus.PASS, VERIFIER.verify(message).status());
  }

  @Test
  void aPlainParsedMessageIsVerifiedOverWhatItWrites() throws Exception {
    MimeMessage plain =
        new MimeMessage(LoopbackSmtpSessions.offline(), new ByteArrayInputStream(signed(MESSAGE)));

    assertEquals(DkimStatus.PASS, VERIFIER.verify(plain).status());
  }

  @Test
  void aSigningMessageCanBeCheckedBeforeItIsSent() throws Exception {
    DkimSigningMimeMessage outgoing =
        new DkimSigningMimeMessage(LoopbackSmtpSessions.offline(), TestKeys.ed25519Signer());
    MessageShape.NON_ASCII_HEADERS.create(outgoing);

    assertEquals(DkimStatus.PASS, VERIFIER.verify(outgoing).status());
  }

  @Test
  void rawBytesAreVerifiedAsTheyAre() throws Exception {
    byte[] raw = signed(MESSAGE);
    assertEquals(DkimStatus.PASS, VERIFIER.verify(raw).status());
    assertEquals(DkimStatus.PASS, VERIFIER.verify(new ByteArrayInputStream(raw)).status());
    byte[] tampered =
        new String(raw, StandardCharsets.UTF_8)
            .replace("noon", "nine")
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(DkimStatus.FAIL, VERIFIER.verify(tampered).status());
    assertFalse(VERIFIER.toString().isEmpty());
  }
}
