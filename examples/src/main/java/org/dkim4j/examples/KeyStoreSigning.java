package org.dkim4j.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimSigner;

/**
 * Signs a message with a key held in a PKCS#12 {@link KeyStore}, as teams that keep their keys in a
 * keystore (or an HSM exposed as one) do.
 *
 * <pre>
 * java -cp dkim4j.jar org.dkim4j.examples.KeyStoreSigning KEYSTORE.p12 ALIAS DOMAIN SELECTOR MESSAGE.eml
 * </pre>
 *
 * The keystore password is read from the environment variable {@code DKIM_KEYSTORE_PASSWORD}, so it
 * never appears in the process list. The signed message goes to standard output.
 */
public final class KeyStoreSigning {
  private KeyStoreSigning() {}

  /** Runs the example. */
  public static void main(String[] args) throws IOException, GeneralSecurityException {
    if (args.length != 5) {
      System.err.println("usage: KeyStoreSigning KEYSTORE.p12 ALIAS DOMAIN SELECTOR MESSAGE.eml");
      System.exit(2);
    }
    String password = System.getenv("DKIM_KEYSTORE_PASSWORD");
    char[] secret = password == null ? new char[0] : password.toCharArray();
    SigningKey key = load(Path.of(args[0]), args[1], secret);
    DkimSigner signer = DkimSigner.builder().domain(args[2]).selector(args[3]).key(key).build();
    System.out.write(signer.sign(Files.readAllBytes(Path.of(args[4]))));
    System.out.flush();
  }

  /** Loads the private key stored under {@code alias} in a PKCS#12 keystore. */
  public static SigningKey load(Path keyStore, String alias, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, password);
    }
    return SigningKey.fromKeyStore(store, alias, password);
  }
}
