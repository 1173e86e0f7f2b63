package org.dkim4j.dns;

/** Zone file text that is not valid RFC 1035 master-file syntax. */
public final class ZoneFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the message names the problem and, where known, the line.
   *
   * @param message the problem, with the line number where known
   */
  public ZoneFileException(String message) {
    super(message);
  }
}
