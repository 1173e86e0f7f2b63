package org.dkim4j.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.DkimStatus;
import org.junit.jupiter.api.Test;

class DkimAssertionsTest {

  static final DkimAssertions DKIM = DkimAssertions.using(TestKeys.resolver());

  static final String MESSAGE =
      "From: Alice <alice@example.com>\r\n"
          + "To: Bob <bob@example.org>\r\n"
          + "Subject: Lunch\r\n"
          + "Message-ID: <1@example.com>\r\n"
          + "\r\n"
          + "Shall we meet at noon?\r\n";

  static final DkimSigner OTHER_DOMAIN =
      DkimSigner.builder().domain("example.org").selector("rsa2048").key(TestKeys.RSA_2048).build();

  /** Signed by example.com (RSA) and example.org, then the body changed: both fail. */
  static byte[] tampered() {
    byte[] signed =
        TestKeys.rsaSigner().and(OTHER_DOMAIN).sign(MESSAGE.getBytes(StandardCharsets.UTF_8));
    return new String(signed, StandardCharsets.UTF_8)
        .replace("noon", "nine")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] good() {
    return TestKeys.ed25519Signer()
        .and(OTHER_DOMAIN)
        .sign(MESSAGE.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void passingAssertionsReturnForChaining() {
    DKIM.assertThat(good())
        .hasPassingSignature("example.com")
        .hasPassingSignature("EXAMPLE.org")
        .hasPassingSignature()
        .hasSignatureCount(2)
        .hasSignatureFrom("example.com")
        .withSelector("ed25519")
        .withAlgorithm("ed25519-sha256")
        .withStatus(DkimStatus.PASS)
        .and()
        .hasSignatureFrom("example.org")
        .withStatus(DkimStatus.PASS);
  }

  @Test
  void aFailureNamesTheMessageAndEverySignatureWithStatusAndReason() {
    byte[] raw = tampered();
    AssertionError e =
        assertThrows(
            AssertionError.class, () -> DKIM.assertThat(raw).hasPassingSignature("example.com"));

    DkimResults results = TestKeys.verifier().verify(raw);
    String b1 = results.results().get(0).signaturePrefix();
    String b2 = results.results().get(1).signaturePrefix();
    assertEquals(
        "Expected a passing DKIM signature with d=example.com\n"
            + "  in message From: Alice <alice@example.com>, Subject: Lunch,"
            + " Message-ID: <1@example.com>\n"
            + "  but the message has 2 DKIM signatures:\n"
            + "    1. d=example.com s=rsa2048 a=rsa-sha256 b="
            + b1
            + "...: fail (body hash did not verify)\n"
            + "    2. d=example.org s=rsa2048 a=rsa-sha256 b="
            + b2
            + "...: fail (body hash did not verify)",
        e.getMessage());
  }

  @Test
  void anUnsignedMessageSaysSo() {
    byte[] unsigned = MESSAGE.getBytes(StandardCharsets.UTF_8);
    DKIM.assertThat(unsigned).isUnsigned().hasNoPassingSignature().hasSignatureCount(0);

    AssertionError e =
        assertThrows(AssertionError.class, () -> DKIM.assertThat(unsigned).hasPassingSignature());

    assertEquals(
        "Expected a passing DKIM signature\n"
            + "  in message From: Alice <alice@example.com>, Subject: Lunch,"
            + " Message-ID: <1@example.com>\n"
            + "  but the message has no DKIM-Signature field",
        e.getMessage());
  }

  @Test
  void conditionsOnOneSignatureNarrowDownAndSayWhatWasExpected() {
    byte[] raw = tampered();
    DKIM.assertThat(raw)
        .hasNoPassingSignature()
        .hasSignatureFrom("example.com")
        .withStatus(DkimStatus.FAIL)
        .withReasonContaining("body hash");

    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                DKIM.assertThat(raw)
                    .hasSignatureFrom("example.com")
                    .withSelector("rsa2048")
                    .withStatus(DkimStatus.PASS));

    assertEquals(
        "Expected a DKIM signature with d=example.com and s=rsa2048 and status pass",
        e.getMessage().lines().findFirst().orElseThrow());
    assertThrows(AssertionError.class, () -> DKIM.assertThat(raw).hasSignatureFrom("example.net"));
    assertThrows(AssertionError.class, () -> DKIM.assertThat(good()).hasNoPassingSignature());
    assertThrows(AssertionError.class, () -> DKIM.assertThat(good()).isUnsigned());
  }

  @Test
  void mimeMessagesAndResultsCanBeAssertedOnToo() throws Exception {
    ReceivedMimeMessage message =
        new ReceivedMimeMessage(LoopbackSmtpSessions.offline(), new ByteArrayInputStream(good()));
    DkimAssertions.MessageAssert assertion = DKIM.assertThat(message);
    assertion.hasPassingSignature("example.com");

    DkimResults results = assertion.results();
    assertSame(results, DkimAssertions.assertThat(results).results());
    DkimAssertions.using(TestKeys.verifier())
        .assertThat(message)
        .hasSignatureFrom("example.org")
        .result();

    message.setSubject("changed");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> DKIM.assertThat(message));
    assertTrue(e.getMessage().contains("header fields changed: Subject"), e.getMessage());
  }
}
