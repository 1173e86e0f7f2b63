package org.dkim4j.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.dns.InMemoryTxtResolver;

/**
 * One benchmark workload: a message of a given size, a key for an algorithm, a canonicalization,
 * and what every contender needs to sign or verify it. All contenders sign with the same key for
 * {@code d=example.com}, {@code s=bench}, whose record {@link #record} is.
 */
final class Workload {

  static final String DOMAIN = "example.com";
  static final String SELECTOR = "bench";

  /** The sizes measured, as the {@code size} parameter names them. */
  static final String SIZES = "4KB,100KB,10MB";

  final byte[] message;
  final boolean rsa;
  final Canonicalization canonicalization;
  final SigningKey signingKey;
  final String record;

  /** The RSA key pair; null for Ed25519. */
  final KeyPair rsaKeys;

  /** The Ed25519 private key as Bouncy Castle's lightweight API holds it; null for RSA. */
  final Ed25519PrivateKeyParameters ed25519;

  /** The Ed25519 private key as Bouncy Castle's JCA provider holds it; null for RSA. */
  final PrivateKey ed25519Jca;

  private Workload(String size, String algorithm, String canonicalization)
      throws GeneralSecurityException, java.io.IOException {
    this.message = Messages.of(bytes(size));
    this.canonicalization =
        Canonicalization.parse(canonicalization.substring(0, canonicalization.indexOf('/')));
    this.rsa =
        switch (algorithm) {
          case "rsa-sha256" -> true;
          case "ed25519-sha256" -> false;
          default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
        };
    SecureRandom random = new SecureRandom();
    if (rsa) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, random);
      rsaKeys = generator.generateKeyPair();
      ed25519 = null;
      ed25519Jca = null;
      signingKey = SigningKey.of(rsaKeys.getPrivate());
    } else {
      rsaKeys = null;
      ed25519 = new Ed25519PrivateKeyParameters(random);
      byte[] pkcs8 =
          new PrivateKeyInfo(
                  new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                  new DEROctetString(ed25519.getEncoded()))
              .getEncoded();
      ed25519Jca =
          KeyFactory.getInstance("Ed25519", new BouncyCastleProvider())
              .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      signingKey = SigningKey.of(ed25519Jca);
    }
    record =
        "v=DKIM1; k="
            + (rsa ? "rsa" : "ed25519")
            + "; p="
            + Base64.getEncoder().encodeToString(signingKey.publicKeyData());
  }

  static Workload of(String size, String algorithm, String canonicalization) {
    try {
      return new Workload(size, algorithm, canonicalization);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static int bytes(String size) {
    return switch (size) {
      case "4KB" -> 4 * 1024;
      case "100KB" -> 100 * 1024;
      case "10MB" -> 10 * 1024 * 1024;
      default -> throw new IllegalArgumentException("unknown size " + size);
    };
  }

  PublicKey rsaPublic() {
    return rsaKeys.getPublic();
  }

  /** dkim4j's signer for this workload, with its defaults otherwise. */
  DkimSigner signer() {
    return DkimSigner.builder()
        .domain(DOMAIN)
        .selector(SELECTOR)
        .key(signingKey)
        .canonicalization(canonicalization, canonicalization)
        .build();
  }

  /** dkim4j's verifier, with the key in an in-memory zone: no DNS in the measurement. */
  DkimVerifier verifier() {
    return DkimVerifier.builder()
        .resolver(
            InMemoryTxtResolver.builder().txt(SELECTOR + "._domainkey." + DOMAIN, record).build())
        .build();
  }

  /** The message with dkim4j's signature in front: what every verifier verifies. */
  byte[] signed() {
    return signer().sign(message);
  }

  /** Checks that dkim4j's verifier passes {@code signed}, the work of another contender. */
  static void requirePass(DkimVerifier verifier, byte[] signed, String who) {
    DkimResults results = verifier.verify(signed);
    if (results.results().isEmpty() || !results.results().get(0).passed()) {
      throw new IllegalStateException(who + ": " + results);
    }
  }

  static byte[] prepend(byte[] first, byte[] second) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + second.length);
    out.writeBytes(first);
    out.writeBytes(second);
    return out.toByteArray();
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
