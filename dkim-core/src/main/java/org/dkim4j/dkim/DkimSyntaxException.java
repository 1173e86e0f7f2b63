package org.dkim4j.dkim;

/**
 * A DKIM-Signature field or key record that breaks the rules of RFC 6376 (section 3.5 or 3.6.1).
 * The message names the tag and the problem, e.g. {@code "h= does not include From"}.
 */
public final class DkimSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message that names the tag and the problem.
   *
   * @param message names the tag and the problem, e.g. {@code "missing required tag bh="}
   */
  public DkimSyntaxException(String message) {
    super(message);
  }
}
