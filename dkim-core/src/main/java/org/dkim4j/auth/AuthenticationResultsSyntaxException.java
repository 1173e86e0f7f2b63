package org.dkim4j.auth;

/**
 * Thrown by {@link AuthenticationResults#parse(String)} when the text does not follow the grammar
 * of RFC 8601 section 2.2. The message says what was expected and where; {@link #index()} gives the
 * position.
 */
public final class AuthenticationResultsSyntaxException extends IllegalArgumentException {
  /** Version of the serialized form. */
  private static final long serialVersionUID = 1L;

  /** Where in the input the problem is; see {@link #index()}. */
  private final int index;

  AuthenticationResultsSyntaxException(String message, int index) {
    super(message);
    this.index = index;
  }

  /**
   * Returns the position of the problem in the parsed text.
   *
   * @return a zero-based index into the string given to {@link AuthenticationResults#parse(String)}
   */
  public int index() {
    return index;
  }
}
