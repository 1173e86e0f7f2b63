package org.dkim4j.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys every signer uses, in each peer's format, and the DNS records that publish them. They
 * are made with the JDK, not with dkim4j, so that a dkim4j bug cannot hide in its own keys.
 */
final class Keys {

  static final String DOMAIN = "example.com";
  static final String SHA1_SELECTOR = "sha1";
  static final String LARGE_SELECTOR = "big";

  /** A signing key. */
  enum Key {
    RSA_2048("rsa-sha256", "rsa2048", "2048"),
    RSA_1024("rsa-sha256", "rsa1024", "1024"),
    ED25519("ed25519-sha256", "ed25519", "");

    final String algorithm;
    final String selector;
    final String bits;

    Key(String algorithm, String selector, String bits) {
      this.algorithm = algorithm;
      this.selector = selector;
      this.bits = bits;
    }
  }

  private final Path directory;
  private final Map<String, String> records = new LinkedHashMap<>();

  private Keys(Path directory) {
    this.directory = directory;
  }

  /** Generates every key into {@code directory} (owner-only files) with its key records. */
  static Keys generate(Path directory) throws IOException, GeneralSecurityException {
    Files.createDirectories(directory);
    Keys keys = new Keys(directory);
    for (Key key : Key.values()) {
      KeyPair pair;
      if (key == Key.ED25519) {
        pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        keys.publish(key.selector, "v=DKIM1; k=ed25519; p=" + base64(raw));
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        keys.write(key.selector + ".seed", base64(seed) + "\n");
      } else {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(Integer.parseInt(key.bits));
        pair = generator.generateKeyPair();
        String p = base64(pair.getPublic().getEncoded());
        keys.publish(key.selector, "v=DKIM1; k=rsa; h=sha256; p=" + p);
        if (key == Key.RSA_2048) {
          // No h= tag: the same key may then sign with rsa-sha1.
          keys.publish(SHA1_SELECTOR, "v=DKIM1; k=rsa; p=" + p);
          // n= is free text: padding makes the record about 1.4 kB (no ';' or ',' in it).
          keys.publish(
              LARGE_SELECTOR,
              "v=DKIM1; k=rsa; n="
                  + "padding-so-that-the-answer-needs-tcp-".repeat(26)
                  + "; p="
                  + p);
        }
      }
      keys.write(key.selector + ".pem", pem(pair.getPrivate().getEncoded()));
    }
    return keys;
  }

  /** The PKCS#8 PEM file of a key (RSA or Ed25519). */
  Path pem(Key key) {
    return directory.resolve(key.selector + ".pem");
  }

  /** The Ed25519 key as the base64 of its 32-byte seed (dkimpy's and rspamd's format). */
  Path ed25519Seed() {
    return directory.resolve(Key.ED25519.selector + ".seed");
  }

  /** DNS name to TXT value, for every published selector. */
  Map<String, String> records() {
    return Map.copyOf(records);
  }

  private void publish(String selector, String txt) {
    records.put(selector + "._domainkey." + DOMAIN, txt);
  }

  private void write(String name, String content) throws IOException {
    Path file = directory.resolve(name);
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content, StandardCharsets.US_ASCII);
  }

  private static String pem(byte[] pkcs8) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8)
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
