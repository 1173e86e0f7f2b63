package org.dkim4j.dkim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.testing.TestKeys;

/** A signed-message fixture shared by the signer and verifier tests. */
final class Fixture {
  private Fixture() {}

  static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_790_000_000L), ZoneOffset.UTC);

  static final String MESSAGE =
      "From: Alice <alice@example.com>\r\n"
          + "To: Bob <bob@example.org>\r\n"
          + "Subject: Lunch\r\n"
          + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
          + "Message-ID: <1@example.com>\r\n"
          + "MIME-Version: 1.0\r\n"
          + "Content-Type: text/plain; charset=utf-8\r\n"
          + "\r\n"
          + "Shall we meet at noon?\r\n"
          + "\r\n"
          + "Alice\r\n";

  static byte[] message() {
    return MESSAGE.getBytes(StandardCharsets.UTF_8);
  }

  static DkimSigner.Builder signer(SigningKey key, String selector) {
    return DkimSigner.builder().domain("example.com").selector(selector).key(key).clock(NOW);
  }

  static DkimSigner rsaSigner() {
    return signer(TestKeys.RSA_2048, "rsa").build();
  }

  static DkimSigner ed25519Signer() {
    return signer(TestKeys.ED25519, "ed").build();
  }

  static InMemoryTxtResolver.Builder keys() {
    return InMemoryTxtResolver.builder()
        .txt("rsa._domainkey.example.com", TestKeys.record(TestKeys.RSA_2048, ""))
        .txt("ed._domainkey.example.com", TestKeys.record(TestKeys.ED25519, ""));
  }

  static DkimVerifier verifier() {
    return verifier(keys().build());
  }

  static DkimVerifier verifier(TxtResolver resolver) {
    return DkimVerifier.builder().resolver(resolver).clock(NOW).build();
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static DkimResult only(DkimResults results) {
    if (results.results().size() != 1) {
      throw new AssertionError("expected one result: " + results);
    }
    return results.results().get(0);
  }
}
