package org.dkim4j.message;

import java.io.IOException;

/**
 * The header section of a message exceeds a configured bound ({@link MessageLimits}): too many
 * bytes or too many fields. The message is not processed further.
 */
public final class MessageTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the message names the bound that was exceeded.
   *
   * @param message names the bound, e.g. the byte or field limit
   */
  public MessageTooLargeException(String message) {
    super(message);
  }
}
