package org.dkim4j.jakarta;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.dns.InMemoryTxtResolver;

/** Keys, key records, signers and verifiers for the tests, made once per JVM. */
final class TestKeys {
  private TestKeys() {}

  static final String DOMAIN = "example.com";

  /** A 2048-bit RSA key, published at {@code rsa2048._domainkey.example.com}. */
  static final SigningKey RSA_2048 = rsa(2048);

  /** The RFC 8463 Appendix A key, published at {@code ed25519._domainkey.example.com}. */
  static final SigningKey ED25519 =
      SigningKey.ed25519Seed(
          Base64.getDecoder().decode("nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A="));

  static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_790_000_000L), ZoneOffset.UTC);

  private static SigningKey rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return SigningKey.of(generator.generateKeyPair().getPrivate());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key records, by DNS name. */
  static Map<String, String> records() {
    Map<String, String> records = new LinkedHashMap<>();
    records.put("rsa2048._domainkey.example.com", record(RSA_2048));
    records.put("ed25519._domainkey.example.com", record(ED25519));
    records.put("rsa2048._domainkey.example.org", record(RSA_2048));
    return records;
  }

  static String record(SigningKey key) {
    return "v=DKIM1; k="
        + key.type().tagValue()
        + "; p="
        + Base64.getEncoder().encodeToString(key.publicKeyData());
  }

  static InMemoryTxtResolver resolver() {
    InMemoryTxtResolver.Builder builder = InMemoryTxtResolver.builder();
    records().forEach(builder::txt);
    return builder.build();
  }

  static DkimVerifier verifier() {
    return DkimVerifier.builder().resolver(resolver()).build();
  }

  static DkimSigner.Builder rsaBuilder() {
    return DkimSigner.builder().domain(DOMAIN).selector("rsa2048").key(RSA_2048);
  }

  static DkimSigner.Builder ed25519Builder() {
    return DkimSigner.builder().domain(DOMAIN).selector("ed25519").key(ED25519);
  }

  static DkimSigner rsaSigner() {
    return rsaBuilder().build();
  }

  static DkimSigner ed25519Signer() {
    return ed25519Builder().build();
  }

  /** The signer variants of the end-to-end matrix. */
  enum Variant {
    RSA_RELAXED("rsa2048", Canonicalization.RELAXED),
    RSA_SIMPLE("rsa2048", Canonicalization.SIMPLE),
    ED25519_RELAXED("ed25519", Canonicalization.RELAXED),
    ED25519_SIMPLE("ed25519", Canonicalization.SIMPLE);

    final String selector;
    final Canonicalization canonicalization;

    Variant(String selector, Canonicalization canonicalization) {
      this.selector = selector;
      this.canonicalization = canonicalization;
    }

    boolean ed25519() {
      return selector.equals("ed25519");
    }

    DkimSigner signer() {
      return (ed25519() ? ed25519Builder() : rsaBuilder())
          .canonicalization(canonicalization, canonicalization)
          .build();
    }

    String label() {
      return (ed25519() ? "ed25519" : "rsa2048")
          + " "
          + canonicalization.tagValue()
          + "/"
          + canonicalization.tagValue();
    }
  }
}
