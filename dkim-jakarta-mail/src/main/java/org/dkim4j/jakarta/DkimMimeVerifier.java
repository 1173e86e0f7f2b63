package org.dkim4j.jakarta;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimVerifier;

/**
 * Verifies the DKIM signatures of received mail (RFC 6376 section 6) given as raw bytes or as a
 * Jakarta Mail {@link MimeMessage}, with a {@link DkimVerifier}. Immutable and thread-safe.
 *
 * <p>DKIM signs bytes, so the exact bytes as received give the exact answer: prefer {@link
 * #verify(InputStream)} over the raw message whenever you have it. A {@code MimeMessage} gives the
 * same answer when the bytes it writes are the bytes received; {@link #verify(MimeMessage)} says
 * which messages that holds for.
 */
public final class DkimMimeVerifier {

  private final DkimVerifier verifier;

  /**
   * Creates a verifier for Jakarta Mail messages that delegates to {@code verifier}.
   *
   * @param verifier the verifier that does the work, with its resolver and limits
   */
  public DkimMimeVerifier(DkimVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /**
   * Verifies a raw RFC 5322 message read from {@code in} to its end; see {@link
   * DkimVerifier#verify(InputStream)}.
   *
   * @param in the message; read to its end but not closed
   * @return one result per DKIM-Signature field, or none for an unsigned message
   * @throws IOException only when reading {@code in} fails
   */
  public DkimResults verify(InputStream in) throws IOException {
    return verifier.verify(in);
  }

  /**
   * Verifies a raw RFC 5322 message; see {@link DkimVerifier#verify(byte[])}.
   *
   * @param message the whole message, header and body
   * @return one result per DKIM-Signature field, or none for an unsigned message
   */
  public DkimResults verify(byte[] message) {
    return verifier.verify(message);
  }

  /**
   * Verifies a parsed message.
   *
   * <ul>
   *   <li>A {@link ReceivedMimeMessage} is verified over the bytes it was parsed from, exactly. If
   *       it has been changed since (a header set or removed, new content, {@code saveChanges()}),
   *       it is refused with an {@link IllegalStateException} naming the change, because its
   *       signatures no longer describe it.
   *   <li>Any other {@code MimeMessage} is verified over what its {@code writeTo} produces. That is
   *       exactly the received message for a message from a {@code Store} (IMAP and POP3 messages
   *       are read-only and write the server's bytes) and for a message constructed from an {@code
   *       InputStream} that has not been changed, as long as its header bytes survive decoding
   *       (always without {@code mail.mime.allowutf8}; with it, when they are valid UTF-8). A
   *       changed message cannot be told apart here, and its signatures will then usually fail; use
   *       {@link ReceivedMimeMessage} when that matters. Note that {@code writeTo} calls {@code
   *       saveChanges()} on a message that was built rather than parsed.
   * </ul>
   *
   * @param message the message, as received
   * @return one result per DKIM-Signature field, or none for an unsigned message
   * @throws IllegalStateException when a {@code ReceivedMimeMessage} was changed after parsing
   * @throws IOException when the message cannot be read
   * @throws MessagingException when the message cannot be written
   */
  public DkimResults verify(MimeMessage message) throws IOException, MessagingException {
    if (message instanceof ReceivedMimeMessage received) {
      List<String> changes = received.modifications();
      if (!changes.isEmpty()) {
        throw new IllegalStateException(
            "the message was changed after it was received ("
                + String.join("; ", changes)
                + "), so its DKIM signatures no longer describe it; verify the raw bytes as"
                + " received, or a ReceivedMimeMessage parsed from them and left unchanged");
      }
      try (InputStream in = received.rawMessage()) {
        return verifier.verify(in);
      }
    }
    try (Spool spool = new Spool(Spool.DEFAULT_THRESHOLD)) {
      message.writeTo(spool);
      try (InputStream in = spool.openStream()) {
        return verifier.verify(in);
      }
    }
  }

  @Override
  public String toString() {
    return "DkimMimeVerifier[" + verifier + "]";
  }
}
