package org.dkim4j.jakarta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.stream.Stream;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.DkimSigningException;
import org.dkim4j.dkim.DkimStatus;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageReader;
import org.junit.jupiter.api.Test;

/** What {@link DkimSigningMimeMessage#writeTo} writes and signs, without a network. */
class DkimSigningMimeMessageTest {

  static final Session SESSION = LoopbackSmtpSessions.offline();

  static DkimSigningMimeMessage message(DkimSigner signer) throws MessagingException {
    DkimSigningMimeMessage message = new DkimSigningMimeMessage(SESSION, signer);
    MessageShape.PLAIN_7BIT.create(message);
    return message;
  }

  static byte[] write(MimeMessage message, String... ignore) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out, ignore.length == 0 ? null : ignore);
    return out.toByteArray();
  }

  static DkimResult verifyOne(byte[] raw) {
    DkimResults results = TestKeys.verifier().verify(raw);
    assertEquals(1, results.results().size(), results.toString());
    return results.results().get(0);
  }

  static String text(byte[] raw) {
    return new String(raw, StandardCharsets.UTF_8);
  }

  @Test
  void signaturesComeFirstAndCoverExactlyTheBytesThatFollow() throws Exception {
    DkimSigningMimeMessage message = message(TestKeys.rsaSigner());
    message.saveChanges();

    byte[] signed = write(message);

    SigningOutcome outcome = message.lastSigning().orElseThrow();
    String fields = String.join("\r\n", outcome.signatureFields()) + "\r\n";
    assertTrue(text(signed).startsWith(fields), text(signed));
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    MimeMessage copy = new MimeMessage(SESSION, new ByteArrayInputStream(signed));
    copy.removeHeader("DKIM-Signature");
    copy.writeTo(plain);
    byte[] rest = java.util.Arrays.copyOfRange(signed, fields.length(), signed.length);
    assertArrayEquals(plain.toByteArray(), rest, "the message after the signature is unchanged");
    assertEquals(DkimStatus.PASS, verifyOne(signed).status());
  }

  @Test
  void writingTwiceGivesTwoOutputsThatBothVerify() throws Exception {
    DkimSigningMimeMessage message = message(TestKeys.ed25519Signer());

    byte[] first = write(message);
    byte[] second = write(message);

    assertTrue(verifyOne(first).passed());
    assertTrue(verifyOne(second).passed());
    assertEquals(message.getMessageID(), messageId(first));
    assertEquals(message.getMessageID(), messageId(second));
  }

  @Test
  void saveChangesBetweenWritesGivesANewMessageIdThatIsSignedToo() throws Exception {
    DkimSigningMimeMessage message = message(TestKeys.rsaSigner());
    message.saveChanges();
    byte[] first = write(message);
    String firstId = message.getMessageID();

    message.saveChanges(); // what Transport.send does again; regenerates Message-ID
    byte[] second = write(message);

    assertNotEquals(firstId, message.getMessageID());
    assertEquals(firstId, messageId(first));
    assertEquals(message.getMessageID(), messageId(second));
    assertTrue(verifyOne(first).passed());
    assertTrue(verifyOne(second).passed());
  }

  @Test
  void wrappingAParsedMessageAndSavingAgainStillVerifies() throws Exception {
    MimeMessage built = new MimeMessage(SESSION);
    MessageShape.ALTERNATIVE_AND_ATTACHMENT.create(built);
    built.saveChanges();
    byte[] unsigned = write(built);
    MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(unsigned));

    DkimSigningMimeMessage wrapped = new DkimSigningMimeMessage(parsed, TestKeys.rsaSigner());
    byte[] beforeSave = write(wrapped);
    wrapped.saveChanges();
    wrapped.saveChanges();
    byte[] afterSave = write(wrapped);

    assertTrue(verifyOne(beforeSave).passed());
    assertTrue(verifyOne(afterSave).passed());
    assertNotEquals(messageId(beforeSave), messageId(afterSave));
  }

  @Test
  void wrappingABuiltMessageThatWasNeverSavedSignsWhatItWrites() throws Exception {
    MimeMessage built = new MimeMessage(SESSION);
    MessageShape.UTF8_8BIT.create(built);

    DkimSigningMimeMessage wrapped = new DkimSigningMimeMessage(built, TestKeys.ed25519Signer());

    assertTrue(verifyOne(write(wrapped)).passed());
  }

  @Test
  void theIgnoreListIsLeftOutOfWhatIsWrittenAndSigned() throws Exception {
    DkimSigningMimeMessage message = message(TestKeys.rsaSigner());
    message.setRecipients(Message.RecipientType.BCC, "carol@example.net");

    byte[] sent = write(message, "Bcc", "Content-Length");

    assertFalse(text(sent).contains("carol"), text(sent));
    DkimResult result = verifyOne(sent);
    assertTrue(result.passed());
    assertFalse(result.signature().orElseThrow().signedHeaders().contains("bcc"));
  }

  @Test
  void bareLineEndingsAreWrittenAsCrlfAndSignedThatWay() throws Exception {
    DkimSigner simple =
        TestKeys.rsaBuilder()
            .canonicalization(Canonicalization.SIMPLE, Canonicalization.SIMPLE)
            .build();
    DkimSigningMimeMessage message = new DkimSigningMimeMessage(SESSION, simple);
    MessageShape.BARE_LF.create(message);

    byte[] sent = write(message);

    String text = text(sent);
    assertTrue(text.contains("line one\r\nline two  \r\n\r\n.line three"), text);
    assertTrue(text.contains("bare\r\ncr\r\n"), text);
    assertEquals(text.split("\n", -1).length, text.split("\r\n", -1).length, "no bare LF");
    assertTrue(verifyOne(sent).passed());
  }

  @Test
  void severalSignersAddOneSignatureEach() throws Exception {
    DkimSigner both = TestKeys.rsaSigner().and(TestKeys.ed25519Signer());
    DkimSigningMimeMessage message = message(both);

    byte[] sent = write(message);

    DkimResults results = TestKeys.verifier().verify(sent);
    assertEquals(2, results.results().size());
    assertTrue(results.stream().allMatch(DkimResult::passed), results.toString());
    assertEquals(
        List.of("rsa2048", "ed25519"),
        message.lastSigning().orElseThrow().signatures().stream().map(s -> s.selector()).toList());
  }

  @Test
  void bodyLengthCountsBytesNotCharacters() throws Exception {
    DkimSigner withLength = TestKeys.rsaBuilder().bodyLength(true).build();
    DkimSigningMimeMessage message = new DkimSigningMimeMessage(SESSION, withLength);
    MessageShape.UTF8_8BIT.create(message);

    byte[] sent = write(message);

    long l = message.lastSigning().orElseThrow().signatures().get(0).bodyLength().orElseThrow();
    String body = text(sent).substring(text(sent).indexOf("\r\n\r\n") + 4);
    assertEquals(body.getBytes(StandardCharsets.UTF_8).length, l);
    assertTrue(body.length() < l, "the UTF-8 body has fewer characters than bytes");
    assertTrue(verifyOne(sent).passed());
  }

  @Test
  void aMessageNoEntryMatchesIsWrittenUnsignedAndSaysWhy() throws Exception {
    SigningTable table = SigningTable.builder().domain("example.org", TestKeys.rsaSigner()).build();
    DkimSigningMimeMessage message = new DkimSigningMimeMessage(SESSION, table);
    MessageShape.PLAIN_7BIT.create(message);

    byte[] sent = write(message);

    assertTrue(TestKeys.verifier().verify(sent).results().isEmpty());
    SigningOutcome outcome = message.lastSigning().orElseThrow();
    assertFalse(outcome.signed());
    assertEquals("no SigningTable entry matches header From alice@example.com", outcome.reason());
  }

  @Test
  void aRequiredSignatureThatCannotBeMadeWritesNothing() throws Exception {
    SigningTable table =
        SigningTable.builder()
            .domain("example.org", TestKeys.rsaSigner())
            .requireSignature()
            .build();
    DkimSigningMimeMessage message = new DkimSigningMimeMessage(SESSION, table);
    MessageShape.PLAIN_7BIT.create(message);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    MessageNotSignedException e =
        assertThrows(MessageNotSignedException.class, () -> message.writeTo(out));

    assertEquals(0, out.size());
    assertTrue(e.getMessage().contains("header From alice@example.com"), e.getMessage());
    assertFalse(message.lastSigning().orElseThrow().signed());
    assertTrue(message.lastSigning().orElseThrow().reason().startsWith("refused: "));
  }

  @Test
  void aKeyThatFailsToSignWritesNothing() throws Exception {
    SigningKey broken =
        SigningKey.external(
            java.security.KeyFactory.getInstance("RSA")
                .generatePublic(
                    new java.security.spec.X509EncodedKeySpec(TestKeys.RSA_2048.publicKeyData())),
            digest -> {
              throw new GeneralSecurityException("HSM unreachable");
            });
    DkimSigner signer =
        DkimSigner.builder().domain("example.com").selector("hsm").key(broken).build();
    DkimSigningMimeMessage message = message(signer);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    IOException e = assertThrows(IOException.class, () -> message.writeTo(out));

    assertEquals(0, out.size());
    assertInstanceOf(DkimSigningException.class, e.getCause());
    assertFalse(message.lastSigning().orElseThrow().signed());
    assertTrue(
        message.lastSigning().orElseThrow().reason().startsWith("not written: DKIM signing failed"),
        message.lastSigning().orElseThrow().reason());
  }

  @Test
  void aLargeMessageIsSpooledToATemporaryFileThatIsDeletedAfterwards() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = spoolFiles(tmp);
    DkimSigningMimeMessage message = new DkimSigningMimeMessage(SESSION, TestKeys.rsaSigner());
    MessageShape.PLAIN_7BIT.create(message);
    jakarta.mail.internet.MimeMultipart mixed = new jakarta.mail.internet.MimeMultipart();
    mixed.addBodyPart(MessageShape.attachment("big.bin", 3 * Spool.DEFAULT_THRESHOLD));
    message.setContent(mixed);

    byte[] sent = write(message);

    assertTrue(sent.length > 4 * Spool.DEFAULT_THRESHOLD);
    assertTrue(verifyOne(sent).passed());
    assertEquals(before, spoolFiles(tmp), "no spool file left behind");
  }

  @Test
  void repliesSignWithTheSameTable() throws Exception {
    DkimSigningMimeMessage message = message(TestKeys.rsaSigner());

    Message reply = message.reply(false);

    assertInstanceOf(DkimSigningMimeMessage.class, reply);
    assertEquals(message.signingTable(), ((DkimSigningMimeMessage) reply).signingTable());
  }

  @Test
  void nothingIsReportedBeforeTheFirstWrite() throws Exception {
    assertTrue(message(TestKeys.rsaSigner()).lastSigning().isEmpty());
  }

  private static List<Path> spoolFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("dkim4j-"))
          .filter(p -> p.getFileName().toString().endsWith(".eml"))
          .sorted()
          .toList();
    }
  }

  static String messageId(byte[] raw) throws IOException {
    for (HeaderField field : new MessageReader(new ByteArrayInputStream(raw)).readHeader()) {
      if (field.hasName("Message-ID")) {
        return field.value().strip();
      }
    }
    return null;
  }
}
