package org.dkim4j.message;

/**
 * Bounds on the header section of a message, so that a hostile message cannot make a reader use
 * unbounded memory.
 *
 * @param maxHeaderBytes the most bytes the header section may have (default 1 MiB)
 * @param maxHeaderFields the most header fields the header section may have (default 1,000)
 */
public record MessageLimits(int maxHeaderBytes, int maxHeaderFields) {

  /** The defaults: 1 MiB and 1,000 fields. */
  public static final MessageLimits DEFAULT = new MessageLimits(1 << 20, 1000);

  /**
   * Validates the bounds.
   *
   * @param maxHeaderBytes the most bytes the header section may have, at least 1
   * @param maxHeaderFields the most header fields the header section may have, at least 1
   * @throws IllegalArgumentException if either is below 1
   */
  public MessageLimits {
    if (maxHeaderBytes < 1 || maxHeaderFields < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
