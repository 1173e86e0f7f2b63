package org.dkim4j.dkim;

/**
 * Signing failed because the key could not sign (e.g. an external signer or HSM reported an error).
 * The message never contains key material.
 */
public final class DkimSigningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public DkimSigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
