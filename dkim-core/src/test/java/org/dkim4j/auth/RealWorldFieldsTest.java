package org.dkim4j.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fields in the shapes large receivers write them. */
class RealWorldFieldsTest {

  private static final String GMAIL =
      "mx.google.com;\r\n"
          + "       dkim=pass header.i=@example.com header.s=20230601 header.b=AbCdEfGh;\r\n"
          + "       spf=pass (google.com: domain of bounce@example.com designates 1.2.3.4 as"
          + " permitted sender) smtp.mailfrom=bounce@example.com;\r\n"
          + "       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com";

  @Test
  void parsesGmailStyleFieldWithCommentsAndAddresses() {
    AuthenticationResults ar = AuthenticationResults.parse(GMAIL);

    assertEquals("mx.google.com", ar.authservId());
    assertEquals(3, ar.results().size());

    ResultEntry dkim = ar.results().get(0);
    assertEquals("dkim", dkim.method());
    assertEquals("pass", dkim.result());
    assertEquals(
        List.of(
            new Property("header", "i", "@example.com"),
            new Property("header", "s", "20230601"),
            new Property("header", "b", "AbCdEfGh")),
        dkim.properties());

    ResultEntry spf = ar.results().get(1);
    assertEquals(
        Optional.of(
            "google.com: domain of bounce@example.com designates 1.2.3.4 as permitted sender"),
        spf.comment());
    assertEquals(Optional.of("bounce@example.com"), spf.property("smtp.mailfrom"));

    ResultEntry dmarc = ar.results().get(2);
    assertEquals(Optional.of("p=REJECT sp=REJECT dis=NONE"), dmarc.comment());
    assertEquals(Optional.of("example.com"), dmarc.property("header.from"));
  }

  @Test
  void gmailStyleFieldSurvivesFormatAndFolding() {
    AuthenticationResults ar = AuthenticationResults.parse(GMAIL);

    assertEquals(ar, AuthenticationResults.parse(ar.format()));
    assertEquals(ar, AuthenticationResults.parse(ar.toHeaderField()));
    assertEquals(ar, AuthenticationResults.parse("Authentication-Results: " + GMAIL + "\r\n"));
  }

  @Test
  void readsUnquotedBase64SignaturesAndIpv6AddressesAsReceiversWriteThem() {
    AuthenticationResults ar =
        AuthenticationResults.parse(
            "mx.google.com;\r\n"
                + "       dkim=pass header.i=@example.com header.s=s1 header.b=k/Lm+9Qz;\r\n"
                + "       arc=pass (i=1 spf=pass spfdomain=example.com dkim=pass"
                + " dkdomain=example.com dmarc=pass fromdomain=example.com);\r\n"
                + "       spf=pass (google.com: domain of a@example.com designates"
                + " 2001:db8::62f as permitted sender) smtp.mailfrom=bounce+x=y@example.com;\r\n"
                + "       iprev=pass policy.iprev=2001:db8::62f");

    assertEquals(Optional.of("k/Lm+9Qz"), ar.results().get(0).property("header.b"));
    assertEquals(
        Optional.of(
            "i=1 spf=pass spfdomain=example.com dkim=pass dkdomain=example.com"
                + " dmarc=pass fromdomain=example.com"),
        ar.results().get(1).comment());
    assertEquals(
        Optional.of("bounce+x=y@example.com"), ar.results().get(2).property("smtp.mailfrom"));
    assertEquals(Optional.of("2001:db8::62f"), ar.results().get(3).property("policy.iprev"));
    // Not tokens, so the writer quotes them; they still read back the same.
    assertTrue(ar.format().contains("header.b=\"k/Lm+9Qz\""), ar.format());
    assertTrue(ar.format().contains("policy.iprev=\"2001:db8::62f\""), ar.format());
    assertEquals(ar, AuthenticationResults.parse(ar.format()));
  }

  @Test
  void parsesTabFoldedFieldWithLfLineEndings() {
    AuthenticationResults ar =
        AuthenticationResults.parse(
            "Authentication-Results: mx.example.org;\n"
                + "\tdkim=pass header.d=example.com header.s=sel header.b=abcdefgh;\n"
                + "\tspf=pass (mx.example.org: domain of user@example.com designates 192.0.2.1"
                + " as permitted sender) smtp.mailfrom=user@example.com;\n"
                + "\tdmarc=pass (policy=reject) header.from=example.com\n");

    assertEquals(
        List.of("dkim", "spf", "dmarc"), ar.results().stream().map(r -> r.method()).toList());
    assertEquals(Optional.of("policy=reject"), ar.results().get(2).comment());
  }

  @Test
  void rejectsFieldWithoutAnAuthservIdAsSomeServersWriteIt() {
    // Some servers start with the first result and use properties without a ptype. RFC 8601
    // section 2.2 needs an authserv-id first, so the text is not a valid field value.
    AuthenticationResultsSyntaxException e =
        assertThrows(
            AuthenticationResultsSyntaxException.class,
            () ->
                AuthenticationResults.parse(
                    "spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=example.com;"
                        + " dkim=pass (signature was verified) header.d=example.com;"
                        + "dmarc=pass action=none header.from=example.com"));
    assertTrue(e.getMessage().contains("expected ';' after the authserv-id"), e.getMessage());
    assertEquals(3, e.index());
  }
}
