package org.dkim4j.tag;

/** A tag list that does not follow the grammar of RFC 6376 section 3.2. */
public final class TagSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message that names the problem.
   *
   * @param message names the problem, e.g. the duplicate tag
   */
  public TagSyntaxException(String message) {
    super(message);
  }
}
