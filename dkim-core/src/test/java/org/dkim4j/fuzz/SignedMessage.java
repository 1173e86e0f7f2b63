package org.dkim4j.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.dkim4j.canon.BodyCanonicalizer;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageReader;
import org.dkim4j.testing.TestKeys;

/**
 * A message signed with fixed keys at a fixed time, so that it, and the inputs that fuzz it, stay
 * the same from run to run (Ed25519 and RSA PKCS#1 v1.5 signatures are deterministic).
 */
final class SignedMessage {
  private SignedMessage() {}

  static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_790_000_000L), ZoneOffset.UTC);

  /** The RSA key of RFC 8463 Appendix A (1024 bits, the smallest RFC 8301 accepts). */
  static final SigningKey RSA =
      SigningKey.parse(
          "-----BEGIN RSA PRIVATE KEY-----\n"
              + "MIICXQIBAAKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQi\n"
              + "Y/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqM\n"
              + "KrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB\n"
              + "AoGAH0cxOhFZDgzXWhDhnAJDw5s4roOXN4OhjiXa8W7Y3rhX3FJqmJSPuC8N9vQm\n"
              + "6SVbaLAE4SG5mLMueHlh4KXffEpuLEiNp9Ss3O4YfLiQpbRqE7Tm5SxKjvvQoZZe\n"
              + "zHorimOaChRL2it47iuWxzxSiRMv4c+j70GiWdxXnxe4UoECQQDzJB/0U58W7RZy\n"
              + "6enGVj2kWF732CoWFZWzi1FicudrBFoy63QwcowpoCazKtvZGMNlPWnC7x/6o8Gc\n"
              + "uSe0ga2xAkEA8C7PipPm1/1fTRQvj1o/dDmZp243044ZNyxjg+/OPN0oWCbXIGxy\n"
              + "WvmZbXriOWoSALJTjExEgraHEgnXssuk7QJBALl5ICsYMu6hMxO73gnfNayNgPxd\n"
              + "WFV6Z7ULnKyV7HSVYF0hgYOHjeYe9gaMtiJYoo0zGN+L3AAtNP9huqkWlzECQE1a\n"
              + "licIeVlo1e+qJ6Mgqr0Q7Aa7falZ448ccbSFYEPD6oFxiOl9Y9se9iYHZKKfIcst\n"
              + "o7DUw1/hz2Ck4N5JrgUCQQCyKveNvjzkkd8HjYs0SwM0fPjK16//5qDZ2UiDGnOe\n"
              + "uEzxBDAr518Z8VFbR41in3W4Y3yCDgQlLlcETrS+zYcL\n"
              + "-----END RSA PRIVATE KEY-----\n");

  /** The Ed25519 key of RFC 8463 Appendix A. */
  static final SigningKey ED25519 = TestKeys.ED25519;

  static final String UNSIGNED =
      "From: Alice <alice@example.com>\r\n"
          + "To: Bob <bob@example.org>\r\n"
          + "Subject: Lunch\r\n"
          + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
          + "Message-ID: <1@example.com>\r\n"
          + "MIME-Version: 1.0\r\n"
          + "Content-Type: text/plain; charset=utf-8\r\n"
          + "\r\n"
          + "Shall we meet  at noon?\r\n"
          + "\r\n"
          + "Alice\r\n";

  static DkimSigner.Builder signer(String selector, SigningKey key) {
    return DkimSigner.builder().domain("example.com").selector(selector).key(key).clock(NOW);
  }

  static String record(SigningKey key) {
    return "v=DKIM1; k="
        + key.type().tagValue()
        + "; p="
        + Base64.getEncoder().encodeToString(key.publicKeyData());
  }

  static DkimVerifier verifier(TxtResolver resolver) {
    return DkimVerifier.builder().resolver(resolver).clock(NOW).build();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A message read into its header fields and its body. */
  record Parts(List<HeaderField> fields, byte[] body) {
    static Parts of(byte[] message) {
      try {
        MessageReader reader = new MessageReader(new ByteArrayInputStream(message));
        List<HeaderField> fields = reader.readHeader();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = reader.readBody(buffer, 0, buffer.length)) >= 0) {
          body.write(buffer, 0, n);
        }
        return new Parts(fields, body.toByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static byte[] canonicalBody(Canonicalization c, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyCanonicalizer canonicalizer = BodyCanonicalizer.of(c, out::write);
    canonicalizer.update(body, 0, body.length);
    canonicalizer.finish();
    return out.toByteArray();
  }
}
