package org.dkim4j.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.DkimSigningException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The private key never appears in a {@code toString()}, an exception message or a stack trace
 * produced while signing with a broken configuration.
 */
class SecretsStayOutTest {

  @TempDir Path dir;

  @Test
  void privateKeyMaterialAppearsInNoStringTheLibraryProduces() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) pair.getPrivate();
    byte[] pkcs8 = rsa.getEncoded();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8)
            + "\n-----END PRIVATE KEY-----\n";
    List<String> secrets = secretsOf(pkcs8, rsa.getPrivateExponent(), rsa.getPrimeP());
    List<String> produced = new ArrayList<>();

    SigningKey key = SigningKey.parse(pem);
    produced.add(key.toString());
    DkimSigner signer = DkimSigner.builder().domain("example.com").selector("s").key(key).build();
    produced.add(signer.toString());

    // An external signer that fails, as an HSM might, with the digest in its message.
    SigningKey failing =
        SigningKey.external(
            pair.getPublic(),
            digest -> {
              throw new GeneralSecurityException("token removed");
            });
    DkimSigningException signing =
        assertThrows(
            DkimSigningException.class,
            () ->
                DkimSigner.builder()
                    .domain("example.com")
                    .selector("s")
                    .key(failing)
                    .build()
                    .sign("From: a@example.com\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII)));
    produced.add(everything(signing));

    // Damaged, truncated, wrongly typed and encrypted keys.
    String truncated = pem.substring(0, pem.length() / 2) + "\n-----END PRIVATE KEY-----\n";
    String damaged = pem.replace(pem.substring(28, 60), "A".repeat(32)); // breaks the DER header
    String asPublic =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    String cutDer = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(pkcs8, 600));
    for (String text : List.of(truncated, damaged, asPublic, cutDer)) {
      KeyFormatException e = assertThrows(KeyFormatException.class, () -> SigningKey.parse(text));
      produced.add(everything(e));
    }
    Path file = Files.writeString(dir.resolve("broken.private"), damaged);
    produced.add(
        everything(assertThrows(KeyFormatException.class, () -> SigningKey.fromFile(file))));
    StringWriter encrypted = new StringWriter();
    try (org.bouncycastle.util.io.pem.PemWriter writer =
        new org.bouncycastle.util.io.pem.PemWriter(encrypted)) {
      writer.writeObject(
          new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                  rsa,
                  new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                          org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                      .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                      .setPassword("right".toCharArray())
                      .build())
              .generate());
    }
    produced.add(
        everything(
            assertThrows(
                KeyFormatException.class,
                () -> SigningKey.parse(encrypted.toString(), "wrong".toCharArray()))));

    for (String text : produced) {
      for (String secret : secrets) {
        assertFalse(
            text.contains(secret),
            "key material leaked into: " + text.substring(0, Math.min(200, text.length())));
      }
    }
  }

  /** Fragments that would show the key: base64 of its DER, and its secret numbers. */
  private static List<String> secretsOf(byte[] pkcs8, BigInteger d, BigInteger p) {
    String base64 = Base64.getEncoder().encodeToString(pkcs8);
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i + 24 <= base64.length(); i += 64) {
      secrets.add(base64.substring(i, i + 24));
    }
    secrets.add(d.toString().substring(0, 24));
    secrets.add(d.toString(16).substring(0, 24));
    secrets.add(p.toString().substring(0, 24));
    secrets.add(p.toString(16).substring(0, 24));
    return secrets;
  }

  /** The message, causes and stack trace of an exception, as a log line would show them. */
  private static String everything(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
