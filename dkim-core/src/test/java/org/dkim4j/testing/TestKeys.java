package org.dkim4j.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.dkim4j.crypto.SigningKey;

/** Keys for tests, generated once per JVM. */
public final class TestKeys {
  private TestKeys() {}

  /** A 2048-bit RSA key. */
  public static final SigningKey RSA_2048 = rsa(2048);

  /** A fixed Ed25519 key (the RFC 8463 Appendix A key). */
  public static final SigningKey ED25519 =
      SigningKey.ed25519Seed(
          Base64.getDecoder().decode("nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A="));

  /** Generates an RSA key of the given size (sizes below 1024 are for negative tests). */
  public static SigningKey rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      KeyPair pair = generator.generateKeyPair();
      return SigningKey.of(pair.getPrivate());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the {@code p=} value for a key. */
  public static String publicKeyBase64(SigningKey key) {
    return Base64.getEncoder().encodeToString(key.publicKeyData());
  }

  /** Returns a key record for a key with extra tags, e.g. {@code "t=y; "}. */
  public static String record(SigningKey key, String extraTags) {
    return "v=DKIM1; k=" + key.type().tagValue() + "; " + extraTags + "p=" + publicKeyBase64(key);
  }
}
