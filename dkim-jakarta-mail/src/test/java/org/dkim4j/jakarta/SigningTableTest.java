package org.dkim4j.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.jakarta.SigningTable.AddressSource;
import org.junit.jupiter.api.Test;

class SigningTableTest {

  static final DkimSigner CEO = signer("example.com", "ceo");
  static final DkimSigner EXAMPLE = signer("example.com", "s1");
  static final DkimSigner SUB = signer("example.com", "sub");
  static final DkimSigner DEEP = signer("mail.example.com", "deep");
  static final DkimSigner FALLBACK = signer("relay.example.net", "any");

  static DkimSigner signer(String domain, String selector) {
    return DkimSigner.builder().domain(domain).selector(selector).key(TestKeys.ED25519).build();
  }

  static final SigningTable TABLE =
      SigningTable.builder()
          .address("CEO@Example.com", CEO)
          .domain("example.com", EXAMPLE)
          .subdomains("example.com", SUB)
          .subdomains("mail.example.com", DEEP)
          .build();

  @Test
  void theMostSpecificEntryWins() {
    assertSame(CEO, TABLE.signerFor("ceo@example.com").orElseThrow());
    assertSame(CEO, TABLE.signerFor("ceo@EXAMPLE.COM.").orElseThrow());
    assertSame(EXAMPLE, TABLE.signerFor("alice@example.com").orElseThrow());
    assertSame(SUB, TABLE.signerFor("alice@news.example.com").orElseThrow());
    assertSame(DEEP, TABLE.signerFor("alice@eu.mail.example.com").orElseThrow());
    assertSame(SUB, TABLE.signerFor("alice@mail.example.com").orElseThrow(), "not itself");
    assertEquals(Optional.empty(), TABLE.signerFor("alice@example.org"));
    assertEquals(Optional.empty(), TABLE.signerFor("alice@badexample.com"));
    assertEquals(Optional.empty(), TABLE.signerFor("not an address"));
  }

  @Test
  void internationalizedDomainsMatchTheirALabels() {
    SigningTable table = SigningTable.builder().domain("bücher.example", EXAMPLE).build();
    assertSame(EXAMPLE, table.signerFor("info@xn--bcher-kva.example").orElseThrow());
    assertSame(EXAMPLE, table.signerFor("info@BÜCHER.example").orElseThrow());
  }

  @Test
  void anOrganizationalDomainFunctionLetsTheDomainEntrySignForItsSubdomains() {
    SigningTable table =
        SigningTable.builder()
            .domain("example.co.uk", EXAMPLE)
            .organizationalDomain(SigningTableTest::lastThreeLabelsUnderCoUk)
            .build();
    assertSame(EXAMPLE, table.signerFor("alice@news.example.co.uk").orElseThrow());
    assertEquals(Optional.empty(), table.signerFor("alice@other.co.uk"));
  }

  /** A stand-in for a Public Suffix List lookup: enough for names under co.uk. */
  static String lastThreeLabelsUnderCoUk(String domain) {
    String[] labels = domain.split("\\.");
    if (labels.length < 3) {
      return null;
    }
    return String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - 3, labels.length));
  }

  @Test
  void theFallbackSignsWhatNoEntryMatches() {
    SigningTable table =
        SigningTable.builder().domain("example.com", EXAMPLE).otherwise(FALLBACK).build();
    assertSame(FALLBACK, table.signerFor("bob@example.org").orElseThrow());
    assertSame(EXAMPLE, table.signerFor("bob@example.com").orElseThrow());
  }

  @Test
  void aSecondEntryForTheSameKeyIsRefused() {
    SigningTable.Builder builder = SigningTable.builder().domain("example.com", EXAMPLE);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.domain("EXAMPLE.com.", SUB));
    assertEquals("a domain entry for example.com is already set", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder.address("nobody", SUB));
  }

  @Test
  void theHeaderFromIsLookedUpByDefault() throws Exception {
    MimeMessage message = message(session(null));
    message.setFrom("Alice <alice@example.com>");
    message.setSender(new jakarta.mail.internet.InternetAddress("bounces@example.org"));

    SigningTable.Selection selection = TABLE.select(message, session(null));

    assertSame(EXAMPLE, selection.signer);
    assertEquals("header From alice@example.com matched domain example.com", selection.reason);
  }

  @Test
  void theEnvelopeSenderIsTheSmtpFromPropertyThenTheFromHeader() throws Exception {
    SigningTable table =
        SigningTable.builder()
            .domain("example.org", EXAMPLE)
            .addressSources(AddressSource.ENVELOPE_FROM)
            .build();
    Session withEnvelope = session("bounces+123@example.org");
    MimeMessage message = message(withEnvelope);
    message.setFrom("alice@example.com");

    assertSame(EXAMPLE, table.select(message, withEnvelope).signer);
    assertEquals(
        "envelope sender bounces+123@example.org matched domain example.org",
        table.select(message, withEnvelope).reason);
    assertNull(table.select(message, session(null)).signer, "falls back to alice@example.com");
  }

  @Test
  void sourcesAreTriedInOrderUntilOneMatches() throws Exception {
    SigningTable table =
        SigningTable.builder()
            .domain("example.org", EXAMPLE)
            .addressSources(AddressSource.HEADER_FROM, AddressSource.SENDER)
            .build();
    MimeMessage message = message(session(null));
    message.setFrom("alice@example.com");
    message.setSender(new jakarta.mail.internet.InternetAddress("list@example.org"));

    SigningTable.Selection selection = table.select(message, session(null));

    assertSame(EXAMPLE, selection.signer);
    assertEquals("header Sender list@example.org matched domain example.org", selection.reason);
  }

  @Test
  void withoutAMatchTheReasonNamesWhatWasLookedUp() throws Exception {
    MimeMessage message = message(session(null));
    message.setFrom("Mallory <mallory@example.net>");
    assertEquals(
        "no SigningTable entry matches header From mallory@example.net",
        TABLE.select(message, session(null)).reason);

    MimeMessage noFrom = message(session(null));
    assertEquals("the message has no header From", TABLE.select(noFrom, session(null)).reason);
  }

  @Test
  void toStringNamesTheEntriesButNoKeys() {
    String text = TABLE.toString();
    assertTrue(text.contains("ceo@example.com"), text);
    assertTrue(!text.contains("PRIVATE"), text);
  }

  static Session session(String smtpFrom) {
    Properties props = new Properties();
    if (smtpFrom != null) {
      props.setProperty("mail.smtp.from", smtpFrom);
    }
    return Session.getInstance(props);
  }

  static MimeMessage message(Session session) {
    return new MimeMessage(session);
  }
}
