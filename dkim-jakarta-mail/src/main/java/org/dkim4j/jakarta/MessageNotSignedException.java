package org.dkim4j.jakarta;

import java.io.IOException;

/**
 * Thrown by {@link DkimSigningMimeMessage#writeTo} when no signer applies to the message and its
 * {@link SigningTable} {@linkplain SigningTable#requiresSignature() requires a signature}.
 *
 * <p>It is an {@link IOException} on purpose: it is thrown before a byte is written, and Jakarta
 * Mail's SMTP transport answers an {@code IOException} during {@code DATA} by dropping the
 * connection, so the message never gets its final {@code CRLF.CRLF} (RFC 5321 section 4.1.1.4) and
 * the server discards it instead of delivering it unsigned. (A {@code MessagingException} would
 * leave the connection open inside {@code DATA}, where the transport's {@code QUIT} waits.)
 */
public final class MessageNotSignedException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message that names the sender looked up.
   *
   * @param message names the address looked up and where it came from
   */
  public MessageNotSignedException(String message) {
    super(message);
  }
}
