package org.dkim4j.dkim;

/**
 * Signing failed because the key could not sign (e.g. an external signer or HSM reported an error).
 * The message never contains key material.
 */
public final class DkimSigningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the key, domain and selector; never key material
   * @param cause what the key or external signer reported
   */
  public DkimSigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
