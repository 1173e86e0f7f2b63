package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.DkimStatus;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.message.MessageLimits;
import org.junit.jupiter.api.Test;

class OnePassEvaluationTest {

  /** The Ed25519 seed of RFC 8463 appendix A. */
  private static final SigningKey KEY =
      SigningKey.ed25519Seed(
          Base64.getDecoder().decode("nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A="));

  private static final String MESSAGE =
      "From: Joe SixPack <joe@football.example.com>\r\n"
          + "To: Suzie Q <suzie@shopping.example.net>\r\n"
          + "Subject: Is dinner ready?\r\n"
          + "\r\n"
          + "Hi.\r\n"
          + "\r\n"
          + "We lost the game.  Are you hungry yet?\r\n";

  private static InMemoryTxtResolver.Builder zone() {
    return InMemoryTxtResolver.builder()
        .txt(
            "brisbane._domainkey.example.com",
            "v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(KEY.publicKeyData()))
        .txt("_dmarc.football.example.com", "v=DMARC1; p=reject");
  }

  private static byte[] signed(String domain) {
    return DkimSigner.builder()
        .domain(domain)
        .selector("brisbane")
        .key(KEY)
        .build()
        .sign(MESSAGE.getBytes(StandardCharsets.UTF_8));
  }

  /** Counts how often the message stream is read past its end, and its bytes. */
  private static final class CountingStream extends ByteArrayInputStream {
    int endsSeen;

    CountingStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      if (n < 0) {
        endsSeen++;
      }
      return n;
    }
  }

  @Test
  void oneReadOfTheStreamGivesDkimResultsAndTheVerdict() throws IOException {
    InMemoryTxtResolver resolver =
        zone()
            .txt(
                "brisbane._domainkey.football.example.com",
                "v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(KEY.publicKeyData()))
            .build();
    CountingStream in = new CountingStream(signed("football.example.com"));
    DmarcEvaluation evaluation =
        DmarcEvaluator.builder().resolver(resolver).build().evaluate(in, SpfInput.none());
    assertEquals(DkimStatus.PASS, evaluation.dkimResults().status());
    assertEquals(DmarcResult.PASS, evaluation.verdict().result());
    assertEquals("football.example.com", evaluation.verdict().authorDomain().orElseThrow());
    assertEquals(0, in.available(), "read to the end");
    assertEquals(1, in.endsSeen, "read once, front to back");
    String ar = evaluation.authenticationResults("mx.example.org").format();
    assertTrue(
        ar.startsWith(
            "mx.example.org; dkim=pass (256-bit key) header.d=football.example.com"
                + " header.i=@football.example.com header.s=brisbane header.a=ed25519-sha256"),
        ar);
    assertTrue(
        ar.endsWith("; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=football.example.com"),
        ar);
  }

  @Test
  void aSignatureOfAnotherOrganizationDoesNotAlign() {
    DmarcEvaluation evaluation =
        DmarcEvaluator.builder()
            .resolver(zone().build())
            .build()
            .evaluate(signed("example.com"), SpfInput.of("mail.example.com", SpfResult.PASS));
    assertEquals(DkimStatus.PASS, evaluation.dkimResults().status());
    assertEquals(DmarcResult.FAIL, evaluation.verdict().result());
    assertEquals(AlignmentResult.FAIL, evaluation.verdict().dkimAlignment());
    assertEquals(AlignmentResult.FAIL, evaluation.verdict().spfAlignment());
    assertEquals(Disposition.REJECT, evaluation.verdict().disposition());
  }

  @Test
  void bareLineFeedsAndAnUnsignedMessageWork() {
    byte[] lf = MESSAGE.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    DmarcEvaluation evaluation =
        DmarcEvaluator.builder().resolver(zone().build()).build().evaluate(lf, SpfInput.none());
    assertEquals(DkimStatus.NONE, evaluation.dkimResults().status());
    assertEquals("football.example.com", evaluation.verdict().authorDomain().orElseThrow());
    assertEquals(DmarcResult.FAIL, evaluation.verdict().result());
    assertEquals(
        "mx; dkim=none; dmarc=fail (p=REJECT sp=REJECT dis=REJECT) header.from=football.example.com",
        evaluation.authenticationResults("mx").format());
  }

  @Test
  void aFromFieldAfterAVeryLongHeaderIsStillFound() {
    String filler = "X-Filler: " + "x".repeat(70) + "\r\n";
    String message = filler.repeat(900) + MESSAGE;
    DmarcEvaluation evaluation =
        DmarcEvaluator.builder()
            .resolver(zone().build())
            .build()
            .evaluate(message.getBytes(StandardCharsets.UTF_8), SpfInput.none());
    assertEquals("football.example.com", evaluation.verdict().authorDomain().orElseThrow());
  }

  @Test
  void aHeaderOverTheLimitIsPermerror() {
    String message = "X-Filler: " + "x".repeat(5000) + "\r\n" + MESSAGE;
    DmarcEvaluation evaluation =
        DmarcEvaluator.builder()
            .resolver(zone().build())
            .messageLimits(new MessageLimits(1000, 100))
            .build()
            .evaluate(message.getBytes(StandardCharsets.UTF_8), SpfInput.none());
    assertEquals(DmarcResult.PERMERROR, evaluation.verdict().result());
    assertTrue(evaluation.verdict().reasons().get(0).contains("exceeds 1000 bytes"));
  }

  @Test
  void twoFromFieldsArePermerrorEvenWithAnAlignedSignature() {
    byte[] signed = signed("football.example.com");
    byte[] twice =
        ("From: ceo@bank.example\r\n" + new String(signed, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    DmarcEvaluation evaluation =
        DmarcEvaluator.builder().resolver(zone().build()).build().evaluate(twice, SpfInput.none());
    assertEquals(DmarcResult.PERMERROR, evaluation.verdict().result());
    assertEquals("dmarc=permerror", evaluation.verdict().authenticationResultsEntry());
  }

  @Test
  void theStreamIsNotClosed() throws IOException {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    DmarcEvaluator.builder().resolver(zone().build()).build().evaluate(in, SpfInput.none());
    assertTrue(!closed[0]);
  }
}
