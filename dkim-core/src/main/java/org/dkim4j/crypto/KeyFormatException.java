package org.dkim4j.crypto;

/**
 * A key could not be read: unknown format, wrong type, or damaged. The message says what was found
 * and what was expected; it never contains key material.
 */
public final class KeyFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message that names what was found and what was expected.
   *
   * @param message says what was found and what was expected; never key material
   */
  public KeyFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause (whose message must not contain key material either).
   *
   * @param message says what was found and what was expected; never key material
   * @param cause the underlying failure, e.g. a parser or decryption error
   */
  public KeyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
