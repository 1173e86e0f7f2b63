package org.dkim4j.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimSigner;
import org.junit.jupiter.api.Test;

/** One configured signer shared by 8 sending threads produces no bad signature. */
class ConcurrentSendingTest {

  static final int THREADS = 8;
  static final int MESSAGES_PER_THREAD = 20;

  @Test
  void eightThreadsSendingThroughOneSigningTableGiveNoBadSignature() throws Exception {
    DkimSigner rsaAndEd25519 = TestKeys.rsaSigner().and(TestKeys.ed25519Signer());
    SigningTable table = SigningTable.builder().domain("example.com", rsaAndEd25519).build();
    MessageShape[] shapes = MessageShape.values();
    try (LoopbackSmtp smtp = new LoopbackSmtp()) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          senders.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < MESSAGES_PER_THREAD; i++) {
                      MessageShape shape = shapes[(thread + i) % shapes.length];
                      MimeMessage message =
                          shape.create(
                              new DkimSigningMimeMessage(smtp.session(shape.utf8Headers()), table));
                      message.setHeader("X-Sender-Thread", thread + "/" + i);
                      Transport.send(message);
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> sender : senders) {
          sender.get();
        }
      } finally {
        pool.shutdownNow();
      }

      int messages = 0;
      List<String> bad = new ArrayList<>();
      for (MimeMessage received : smtp.received()) {
        if (received.getHeader("Bcc") != null) {
          bad.add("Bcc was sent");
        }
        DkimResults results = TestKeys.verifier().verify(LoopbackSmtp.raw(received));
        messages++;
        if (results.results().size() != 2) {
          bad.add(received.getHeader("X-Sender-Thread", null) + ": " + results);
        }
        for (DkimResult result : results) {
          if (!result.passed()) {
            bad.add(received.getHeader("X-Sender-Thread", null) + ": " + result);
          }
        }
      }
      int bccShapes = 0;
      for (int t = 0; t < THREADS; t++) {
        for (int i = 0; i < MESSAGES_PER_THREAD; i++) {
          bccShapes += shapes[(t + i) % shapes.length] == MessageShape.BCC ? 1 : 0;
        }
      }
      assertEquals(THREADS * MESSAGES_PER_THREAD + bccShapes, messages, "copies received");
      assertEquals(List.of(), bad, "bad signatures");
    }
  }
}
