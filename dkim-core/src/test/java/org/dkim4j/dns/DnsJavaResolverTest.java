package org.dkim4j.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;

/** {@link DnsJavaResolver} against a scripted server on 127.0.0.1; nothing else is ever asked. */
class DnsJavaResolverTest {

  static final String NAME = "sel._domainkey.example.com";

  static Name name(String text) {
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".");
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Message reply(Message query, int rcode) {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    response.getHeader().setRcode(rcode);
    response.addRecord(query.getQuestion(), Section.QUESTION);
    return response;
  }

  static TXTRecord txt(String owner, long ttl, String... strings) {
    return new TXTRecord(name(owner), DClass.IN, ttl, List.of(strings));
  }

  static SOARecord soa(long ttl, long minimum) {
    return new SOARecord(
        name("example.com"),
        DClass.IN,
        ttl,
        name("ns.example.com"),
        name("hostmaster.example.com"),
        1,
        3600,
        600,
        86400,
        minimum);
  }

  static DnsJavaResolver resolver(FakeDnsServer server) {
    return DnsJavaResolver.builder()
        .server("127.0.0.1")
        .port(server.port())
        .timeout(Duration.ofMillis(500))
        .retries(1)
        .build();
  }

  @Test
  void joinsTheStringsOfEachRecordAndReturnsEveryRecordWithTheSmallestTtl() throws Exception {
    try (FakeDnsServer server =
        FakeDnsServer.start(
            q -> {
              Message r = reply(q, Rcode.NOERROR);
              r.addRecord(txt(NAME, 300, "v=DKIM1; k=rsa; ", "p=AAAA", "BBBB"), Section.ANSWER);
              r.addRecord(txt(NAME, 120, "second record"), Section.ANSWER);
              return r;
            })) {
      TxtAnswer answer = resolver(server).lookupWithTtl(NAME);
      assertEquals(TxtLookup.found("v=DKIM1; k=rsa; p=AAAABBBB", "second record"), answer.lookup());
      assertEquals(Optional.of(Duration.ofSeconds(120)), answer.ttl());
      assertEquals(1, server.udpQueries());
      assertEquals(0, server.tcpQueries());
    }
  }

  @Test
  void nxdomainIsNotFoundWithTheSoaMinimumAsNegativeTtl() throws Exception {
    try (FakeDnsServer server =
        FakeDnsServer.start(
            q -> {
              Message r = reply(q, Rcode.NXDOMAIN);
              r.addRecord(soa(900, 300), Section.AUTHORITY);
              return r;
            })) {
      TxtAnswer answer = resolver(server).lookupWithTtl(NAME);
      assertEquals(TxtLookup.notFound("NXDOMAIN"), answer.lookup());
      assertEquals(Optional.of(Duration.ofSeconds(300)), answer.ttl());
    }
  }

  @Test
  void negativeTtlIsTheSoaTtlWhenThatIsSmallerThanItsMinimum() throws Exception {
    try (FakeDnsServer server =
        FakeDnsServer.start(
            q -> {
              Message r = reply(q, Rcode.NXDOMAIN);
              r.addRecord(soa(60, 3600), Section.AUTHORITY);
              return r;
            })) {
      assertEquals(Optional.of(Duration.ofSeconds(60)), resolver(server).lookupWithTtl(NAME).ttl());
    }
  }

  @Test
  void noTxtRecordIsNodataWithoutTtlWhenNoSoaCame() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start(q -> reply(q, Rcode.NOERROR))) {
      TxtAnswer answer = resolver(server).lookupWithTtl(NAME);
      assertEquals(TxtLookup.notFound("NODATA"), answer.lookup());
      assertEquals(Optional.empty(), answer.ttl());
    }
  }

  @Test
  void txtRecordsOfOtherNamesDoNotCount() throws Exception {
    try (FakeDnsServer server =
        FakeDnsServer.start(
            q -> {
              Message r = reply(q, Rcode.NOERROR);
              r.addRecord(txt("other.example.com", 300, "v=DKIM1; p="), Section.ANSWER);
              return r;
            })) {
      assertEquals(TxtLookup.notFound("NODATA"), resolver(server).lookup(NAME));
    }
  }

  @Test
  void followsACnameChainInTheAnswer() throws Exception {
    try (FakeDnsServer server =
        FakeDnsServer.start(
            q -> {
              Message r = reply(q, Rcode.NOERROR);
              r.addRecord(
                  new CNAMERecord(name(NAME), DClass.IN, 60, name("keys.provider.example")),
                  Section.ANSWER);
              r.addRecord(txt("keys.provider.example", 3600, "v=DKIM1; p=x"), Section.ANSWER);
              return r;
            })) {
      TxtAnswer answer = resolver(server).lookupWithTtl(NAME);
      assertEquals(TxtLookup.found("v=DKIM1; p=x"), answer.lookup());
      assertEquals(Optional.of(Duration.ofSeconds(60)), answer.ttl());
    }
  }

  @Test
  void truncatedUdpAnswerIsAskedAgainOverTcp() throws Exception {
    try (FakeDnsServer server =
        FakeDnsServer.startTruncating(
            q -> {
              Message r = reply(q, Rcode.NOERROR);
              r.addRecord(txt(NAME, 300, "v=DKIM1; p=long"), Section.ANSWER);
              return r;
            })) {
      assertEquals(TxtLookup.found("v=DKIM1; p=long"), resolver(server).lookup(NAME));
      assertEquals(1, server.udpQueries());
      assertEquals(1, server.tcpQueries());
    }
  }

  @Test
  void withoutTcpFallbackATruncatedAnswerIsATemporaryFailure() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.startTruncating(q -> reply(q, Rcode.NOERROR))) {
      DnsJavaResolver resolver =
          DnsJavaResolver.builder()
              .server("127.0.0.1")
              .port(server.port())
              .tcpFallback(false)
              .build();
      TxtLookup.TemporaryFailure failure =
          assertInstanceOf(TxtLookup.TemporaryFailure.class, resolver.lookup(NAME));
      assertTrue(failure.detail().contains("truncated"), failure.detail());
      assertEquals(0, server.tcpQueries());
    }
  }

  @Test
  void servfailIsATemporaryFailureAndTheServerIsNotAskedAgain() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start(q -> reply(q, Rcode.SERVFAIL))) {
      TxtLookup.TemporaryFailure failure =
          assertInstanceOf(TxtLookup.TemporaryFailure.class, resolver(server).lookup(NAME));
      assertTrue(failure.detail().startsWith("SERVFAIL from 127.0.0.1:"), failure.detail());
      assertEquals(1, server.udpQueries());
    }
  }

  @Test
  void refusedIsATemporaryFailure() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start(q -> reply(q, Rcode.REFUSED))) {
      assertInstanceOf(TxtLookup.TemporaryFailure.class, resolver(server).lookup(NAME));
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutOncePerTry() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start(q -> null)) {
      DnsJavaResolver resolver =
          DnsJavaResolver.builder()
              .server("127.0.0.1")
              .port(server.port())
              .timeout(Duration.ofMillis(200))
              .retries(2)
              .build();
      long start = System.nanoTime();
      TxtLookup.TemporaryFailure failure =
          assertInstanceOf(TxtLookup.TemporaryFailure.class, resolver.lookup(NAME));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(failure.detail().contains("timeout after 200 ms"), failure.detail());
      assertTrue(failure.detail().contains("3 attempts"), failure.detail());
      assertEquals(3, server.udpQueries());
      assertTrue(millis >= 500 && millis < 5000, "took " + millis + " ms");
    }
  }

  @Test
  void theNextServerIsAskedWhenTheFirstIsSilent() throws Exception {
    try (DatagramSocket silent =
            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        FakeDnsServer server =
            FakeDnsServer.start(
                q -> {
                  Message r = reply(q, Rcode.NOERROR);
                  r.addRecord(txt(NAME, 300, "v=DKIM1; p=y"), Section.ANSWER);
                  return r;
                })) {
      DnsJavaResolver resolver =
          DnsJavaResolver.builder()
              .server(
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()))
              .server(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()))
              .timeout(Duration.ofMillis(200))
              .retries(0)
              .build();
      assertEquals(TxtLookup.found("v=DKIM1; p=y"), resolver.lookup(NAME));
      assertEquals(2, resolver.servers().size());
    }
  }

  @Test
  void anInvalidNameIsNotFoundWithoutAQuery() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start(q -> reply(q, Rcode.NOERROR))) {
      String tooLong = "a".repeat(64) + ".example.com";
      assertInstanceOf(TxtLookup.NotFound.class, resolver(server).lookup(tooLong));
      assertEquals(0, server.udpQueries());
    }
  }

  @Test
  void serversAreGivenAsAddressesNeverAsHostNames() {
    assertThrows(
        IllegalArgumentException.class, () -> DnsJavaResolver.builder().server("localhost"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            DnsJavaResolver.builder()
                .server(InetSocketAddress.createUnresolved("dns.example", 53)));
  }

  @Test
  void portAppliesToServersGivenWithoutOne() {
    DnsJavaResolver resolver =
        DnsJavaResolver.builder()
            .server("127.0.0.1")
            .server("::1")
            .server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 5300))
            .port(5353)
            .build();
    assertEquals(5353, resolver.servers().get(0).getPort());
    assertEquals(5353, resolver.servers().get(1).getPort());
    assertEquals(5300, resolver.servers().get(2).getPort());
    assertTrue(resolver.toString().contains("[0:0:0:0:0:0:0:1]:5353"), resolver.toString());
  }
}
