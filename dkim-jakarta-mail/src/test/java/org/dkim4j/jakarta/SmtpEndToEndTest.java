package org.dkim4j.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimStatus;
import org.dkim4j.jakarta.ReceivedCorpus.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages of every troublesome shape, signed with RSA-2048 and Ed25519, relaxed and simple, sent
 * with {@code Transport.send} through a real SMTP server (GreenMail on 127.0.0.1), verify on
 * arrival.
 */
class SmtpEndToEndTest {

  static Stream<Arguments> received() {
    return ReceivedCorpus.get().stream().map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("received")
  void receivedMessageVerifies(String name, Case received) throws Exception {
    DkimResults results = TestKeys.verifier().verify(received.raw());

    assertEquals(1, results.results().size(), name + ": " + results);
    DkimResult result = results.results().get(0);
    assertEquals(DkimStatus.PASS, result.status(), name + ": " + result);
    assertEquals("example.com", result.domain());
    assertEquals(received.variant().selector, result.selector());
    String c = received.variant().canonicalization.tagValue();
    assertEquals(c + "/" + c, result.signature().orElseThrow().tags().get("c").orElseThrow());
    assertTrue(
        TestKeys.verifier().verify(Files.readAllBytes(received.file())).anyPassed(),
        "the saved file, with the final CRLF GreenMail drops");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("received")
  void receivedMessageVerifiesParsedAsMimeMessage(String name, Case received) throws Exception {
    ReceivedMimeMessage parsed =
        new ReceivedMimeMessage(
            LoopbackSmtpSessions.offline(), new ByteArrayInputStream(received.raw()));

    DkimAssertions.using(TestKeys.verifier())
        .assertThat(parsed)
        .hasPassingSignature("example.com")
        .hasSignatureCount(1);
  }

  @Test
  void messageIdSignedIsTheMessageIdReceived() throws Exception {
    for (Case received : ReceivedCorpus.get()) {
      DkimResult result = TestKeys.verifier().verify(received.raw()).results().get(0);
      List<String> signed = result.signature().orElseThrow().signedHeaders();
      assertTrue(
          signed.stream().anyMatch(h -> h.equalsIgnoreCase("message-id")),
          received.name() + " signs Message-ID: " + signed);
      assertTrue(result.passed(), received.name());
    }
  }

  @Test
  void bccIsNeitherSentNorSignedAndTheSignatureStillPasses() throws Exception {
    try (LoopbackSmtp smtp = new LoopbackSmtp()) {
      DkimSigningMimeMessage message =
          new DkimSigningMimeMessage(smtp.session(false), TestKeys.rsaSigner());
      MessageShape.BCC.create(message);
      Transport.send(message);

      MimeMessage[] received = smtp.received();
      assertEquals(2, received.length, "bob (To) and carol (Bcc) each get a copy");
      for (MimeMessage copy : received) {
        byte[] raw = LoopbackSmtp.raw(copy);
        assertFalse(text(raw).toLowerCase().contains("\nbcc:"), text(raw));
        DkimResult result = TestKeys.verifier().verify(raw).results().get(0);
        assertTrue(result.passed(), result.toString());
        assertFalse(
            result.signature().orElseThrow().signedHeaders().stream()
                .anyMatch(h -> h.equalsIgnoreCase("bcc")));
      }
      assertEquals(
          1,
          smtp.greenMail
              .getManagers()
              .getImapHostManager()
              .getInbox(smtp.greenMail.getUserManager().getUserByEmail("carol@example.net"))
              .getMessageCount(),
          "carol's copy");
      assertEquals(
          "carol@example.net",
          message.getRecipients(Message.RecipientType.BCC)[0].toString(),
          "the message object keeps its Bcc");
    }
  }

  @Test
  void aMessageRefusedForWantOfASignerIsNotDelivered() throws Exception {
    SigningTable table =
        SigningTable.builder()
            .domain("example.org", TestKeys.rsaSigner())
            .requireSignature()
            .build();
    try (LoopbackSmtp smtp = new LoopbackSmtp()) {
      DkimSigningMimeMessage message = new DkimSigningMimeMessage(smtp.session(false), table);
      MessageShape.PLAIN_7BIT.create(message);

      MessagingException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(5),
              () -> assertThrows(MessagingException.class, () -> Transport.send(message)));

      assertInstanceOf(MessageNotSignedException.class, e.getCause(), e.toString());
      // The transport dropped the connection inside DATA, before the final ".": GreenMail logs
      // an unexpected end of stream and stores nothing.
      assertEquals(0, smtp.received().length, "the server discarded the aborted message");
    }
  }

  @Test
  void bareLineEndingsArriveAsCrlfExactlyAsSigned() {
    for (Case received : ReceivedCorpus.get()) {
      if (received.shape() != MessageShape.BARE_LF) {
        continue;
      }
      byte[] raw = received.raw();
      for (int i = 0; i < raw.length; i++) {
        if (raw[i] == '\n') {
          assertEquals('\r', raw[i - 1], "bare LF at " + i + " in " + received.name());
        }
        if (raw[i] == '\r') {
          assertTrue(i + 1 == raw.length || raw[i + 1] == '\n', "bare CR at " + i);
        }
      }
      // GreenMail stores the message without the CRLF that precedes the final "."
      assertTrue(text(raw).contains("line two  \r\n\r\n.line three after a dot\r\nbare\r\ncr"));
    }
  }

  @Test
  void rawUtf8HeadersArriveAsUtf8() {
    for (Case received : ReceivedCorpus.get()) {
      if (received.shape() == MessageShape.RAW_UTF8_HEADERS) {
        assertTrue(
            text(received.raw()).contains("Subject: Grüße aus Köln ☕"), text(received.raw()));
        assertTrue(text(received.raw()).contains("From: Jörg Müller <alice@example.com>"));
      }
    }
  }

  @Test
  void the998CharacterLineArrivesUnwrapped() {
    for (Case received : ReceivedCorpus.get()) {
      if (received.shape() == MessageShape.LINE_998) {
        String text = text(received.raw());
        assertTrue(
            Stream.of(text.split("\r\n")).anyMatch(line -> line.length() == 998),
            "a line of exactly 998 characters");
        assertTrue(text.contains("Content-Transfer-Encoding: 7bit"), text);
      }
    }
  }

  static String text(byte[] raw) {
    return new String(raw, StandardCharsets.UTF_8);
  }
}
