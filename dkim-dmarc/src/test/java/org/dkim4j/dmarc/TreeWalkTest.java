package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.dns.TxtResolver;
import org.junit.jupiter.api.Test;

class TreeWalkTest {

  private final List<String> asked = new ArrayList<>();

  private DnsLookups lookups(InMemoryTxtResolver zone) {
    TxtResolver counting =
        name -> {
          asked.add(name);
          return zone.lookup(name);
        };
    return new DnsLookups(counting, 100);
  }

  @Test
  void longNamesJumpToSevenLabelsSoAWalkAsksAtMostEightNames() {
    assertEquals(
        List.of(
            "a.b.c.d.e.f.g.h.i.j.mail.example.com",
            "g.h.i.j.mail.example.com",
            "h.i.j.mail.example.com",
            "i.j.mail.example.com",
            "j.mail.example.com",
            "mail.example.com",
            "example.com",
            "com"),
        TreeWalkStrategy.targets("a.b.c.d.e.f.g.h.i.j.mail.example.com"));
    assertEquals(
        List.of("a.b.example", "b.example", "example"), TreeWalkStrategy.targets("a.b.example"));
    assertEquals(List.of("localhost"), TreeWalkStrategy.targets("localhost"));
    assertEquals(8, TreeWalkStrategy.targets("1.2.3.4.5.6.7.8").size());
    assertEquals(7, TreeWalkStrategy.targets("2.3.4.5.6.7.8").size());
  }

  @Test
  void discoveryTakesTheFirstNameWithOneRecord() {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt("_dmarc.example.com", "v=DMARC1; p=reject")
            .txt("_dmarc.mail.example.com", "v=spf1 -all") // not DMARC: passed over
            .build();
    Discovery d = TreeWalkStrategy.INSTANCE.discover("a.mail.example.com", lookups(zone));
    assertEquals(Discovery.Kind.FOUND, d.kind());
    assertEquals("example.com", d.domain());
    assertEquals(
        List.of("_dmarc.a.mail.example.com", "_dmarc.mail.example.com", "_dmarc.example.com"),
        asked);
  }

  @Test
  void severalRecordsAtANameAreDiscardedAndTheWalkGoesOn() {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt("_dmarc.mail.example.com", "v=DMARC1; p=none")
            .txt("_dmarc.mail.example.com", "v=DMARC1; p=reject")
            .txt("_dmarc.example.com", "v=DMARC1; p=quarantine")
            .build();
    Discovery d = TreeWalkStrategy.INSTANCE.discover("mail.example.com", lookups(zone));
    assertEquals("example.com", d.domain());
    assertTrue(d.notes().get(0).startsWith("2 DMARC records at _dmarc.mail.example.com"));
  }

  @Test
  void temporaryFailureStopsDiscovery() {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .temporaryFailure("_dmarc.mail.example.com")
            .txt("_dmarc.example.com", "v=DMARC1; p=quarantine")
            .build();
    assertEquals(
        Discovery.Kind.TEMPORARY_FAILURE,
        TreeWalkStrategy.INSTANCE.discover("a.mail.example.com", lookups(zone)).kind());
  }

  @Test
  void organizationalDomainIsTheHighestRecordWithoutPsdFlags() {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt("_dmarc.a.example.com", "v=DMARC1; p=none")
            .txt("_dmarc.example.com", "v=DMARC1; p=reject")
            .build();
    assertEquals(
        "example.com",
        TreeWalkStrategy.INSTANCE.organizationalDomain("x.a.example.com", lookups(zone)).domain());
    assertEquals(4, asked.size(), "asks every level up to the top: " + asked);
  }

  @Test
  void psdNoStopsAtItsDomain() {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt("_dmarc.mail.example.com", "v=DMARC1; p=reject; psd=n")
            .txt("_dmarc.example.com", "v=DMARC1; p=reject")
            .build();
    assertEquals(
        "mail.example.com",
        TreeWalkStrategy.INSTANCE
            .organizationalDomain("a.mail.example.com", lookups(zone))
            .domain());
  }

  @Test
  void psdYesMakesTheNameBelowItTheOrganizationalDomain() {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder()
            .txt("_dmarc.bank.example", "v=DMARC1; p=reject; psd=y")
            .txt("_dmarc.giant.bank.example", "v=DMARC1; p=reject")
            .build();
    assertEquals(
        "giant.bank.example",
        TreeWalkStrategy.INSTANCE
            .organizationalDomain("x.y.giant.bank.example", lookups(zone))
            .domain());
    assertEquals(
        "mega.bank.example",
        TreeWalkStrategy.INSTANCE
            .organizationalDomain("mega.bank.example", lookups(zone))
            .domain());
    // A public suffix domain that sends its own mail is its own Organizational Domain.
    assertEquals(
        "bank.example",
        TreeWalkStrategy.INSTANCE.organizationalDomain("bank.example", lookups(zone)).domain());
  }

  @Test
  void withoutAnyRecordANameIsItsOwnOrganizationalDomain() {
    InMemoryTxtResolver zone = InMemoryTxtResolver.builder().build();
    assertEquals(
        "a.b.example",
        TreeWalkStrategy.INSTANCE.organizationalDomain("a.b.example", lookups(zone)).domain());
  }

  @Test
  void organizationalDomainLookupFailureIsTemporary() {
    InMemoryTxtResolver zone =
        InMemoryTxtResolver.builder().temporaryFailure("_dmarc.example").build();
    OrganizationalDomain org =
        TreeWalkStrategy.INSTANCE.organizationalDomain("a.example", lookups(zone));
    assertTrue(!org.known() && org.temporary());
  }
}
