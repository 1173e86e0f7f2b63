package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.message.MessageReader;
import org.junit.jupiter.api.Test;

/** The example of RFC 8463 Appendix A, written out (examples in RFCs are facts). */
class Rfc8463Test {

  static final String ED25519_SEED = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";
  static final String ED25519_PUBLIC = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

  static final String RSA_PRIVATE =
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
          + "-----END RSA PRIVATE KEY-----\n";

  static final String RSA_PUBLIC =
      "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JY"
          + "i0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2"
          + "EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB";

  static final String UNSIGNED =
      "From: Joe SixPack <joe@football.example.com>\r\n"
          + "To: Suzie Q <suzie@shopping.example.net>\r\n"
          + "Subject: Is dinner ready?\r\n"
          + "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n"
          + "Message-ID: <20030712040037.46341.5F8J@football.example.com>\r\n"
          + "\r\n"
          + "Hi.\r\n"
          + "\r\n"
          + "We lost the game.  Are you hungry yet?\r\n"
          + "\r\n"
          + "Joe.\r\n";

  static final String SIGNED =
      "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;\r\n"
          + " d=football.example.com; i=@football.example.com;\r\n"
          + " q=dns/txt; s=brisbane; t=1528637909; h=from : to :\r\n"
          + " subject : date : message-id : from : subject : date;\r\n"
          + " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n"
          + " b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus\r\n"
          + " Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==\r\n"
          + "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n"
          + " d=football.example.com; i=@football.example.com;\r\n"
          + " q=dns/txt; s=test; t=1528637909; h=from : to : subject :\r\n"
          + " date : message-id : from : subject : date;\r\n"
          + " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n"
          + " b=F45dVWDfMbQDGHJFlXUNB2HKfbCeLRyhDXgFpEL8GwpsRe0IeIixNTe3\r\n"
          + " DhCVlUrSjV4BwcVcOF6+FF3Zo9Rpo1tFOeS9mPYQTnGdaSGsgeefOsk2Jz\r\n"
          + " dA+L10TeYt9BgDfQNZtKdN1WO//KgIqXP7OdEFE4LjFYNcUxZQ4FADY+8=\r\n"
          + UNSIGNED;

  static final Clock SIGNING_TIME = Clock.fixed(Instant.ofEpochSecond(1528637909), ZoneOffset.UTC);

  static InMemoryTxtResolver resolver() {
    return InMemoryTxtResolver.builder()
        .txt("brisbane._domainkey.football.example.com", "v=DKIM1; k=ed25519; p=" + ED25519_PUBLIC)
        .txt("test._domainkey.football.example.com", "v=DKIM1; k=rsa; p=" + RSA_PUBLIC)
        .build();
  }

  @Test
  void bothSignaturesOfAppendixA3Verify() {
    DkimResults results =
        DkimVerifier.builder()
            .resolver(resolver())
            .clock(SIGNING_TIME)
            .build()
            .verify(SIGNED.getBytes(StandardCharsets.US_ASCII));

    assertEquals(2, results.results().size());
    for (DkimResult result : results) {
      assertEquals(DkimStatus.PASS, result.status(), result.toString());
      assertEquals("football.example.com", result.domain());
    }
    assertEquals("ed25519-sha256", results.results().get(0).algorithm());
    assertEquals(256, results.results().get(0).keyBits());
    assertEquals("rsa-sha256", results.results().get(1).algorithm());
    assertEquals(1024, results.results().get(1).keyBits());
  }

  @Test
  void signingAppendixA1WithItsKeysGivesItsBodyHashAndVerifies() throws Exception {
    SigningKey ed25519 = SigningKey.ed25519Seed(Base64.getDecoder().decode(ED25519_SEED));
    SigningKey rsa = SigningKey.parse(RSA_PRIVATE);
    assertEquals(ED25519_PUBLIC, Base64.getEncoder().encodeToString(ed25519.publicKeyData()));
    assertEquals(RSA_PUBLIC, Base64.getEncoder().encodeToString(rsa.publicKeyData()));
    List<String> headers =
        List.of("from", "to", "subject", "date", "message-id", "from", "subject", "date");
    DkimSigner signer =
        DkimSigner.builder()
            .domain("football.example.com")
            .selector("brisbane")
            .key(ed25519)
            .identity("@football.example.com")
            .signedHeaders(headers)
            .oversignedHeaders(List.of())
            .clock(SIGNING_TIME)
            .build()
            .and(
                DkimSigner.builder()
                    .domain("football.example.com")
                    .selector("test")
                    .key(rsa)
                    .identity("@football.example.com")
                    .signedHeaders(headers)
                    .oversignedHeaders(List.of())
                    .clock(SIGNING_TIME)
                    .build());

    byte[] signed = signer.sign(UNSIGNED.getBytes(StandardCharsets.US_ASCII));

    var fields = new MessageReader(new java.io.ByteArrayInputStream(signed)).readHeader();
    DkimSignature first = DkimSignature.parse(fields.get(0).value());
    DkimSignature second = DkimSignature.parse(fields.get(1).value());
    assertEquals(
        "2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=",
        Base64.getEncoder().encodeToString(first.bodyHash()));
    assertEquals(
        "2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=",
        Base64.getEncoder().encodeToString(second.bodyHash()));
    assertEquals(headers, first.signedHeaders());
    assertEquals(1528637909L, first.timestamp().getAsLong());
    DkimResults results =
        DkimVerifier.builder().resolver(resolver()).clock(SIGNING_TIME).build().verify(signed);
    assertEquals(2, results.results().size());
    assertTrue(results.stream().allMatch(DkimResult::passed), results.toString());
    // Ed25519 and RSA PKCS#1 v1.5 are deterministic, and the RFC's signatures cover the same
    // header bytes under relaxed canonicalization only if every tag matches; ours differ in
    // folding and tag order, so the signatures differ, but both verify.
  }
}
