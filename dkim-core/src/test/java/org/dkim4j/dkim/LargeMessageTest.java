package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.testing.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Signs and verifies a 50 MB message that is never held in memory. The build runs this class in its
 * own JVM with a 32 MB heap (see the {@code small-heap} execution in dkim-core's POM), so it fails
 * with OutOfMemoryError if any step buffers the body.
 */
class LargeMessageTest {

  static final long BODY_BYTES = 50L * 1024 * 1024;

  @Test
  void fiftyMegabyteMessageSignsAndVerifiesWithoutBufferingTheBody() throws IOException {
    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.println("LargeMessageTest: max heap " + maxHeap / (1024 * 1024) + " MB");
    DkimSigner signer =
        Fixture.signer(TestKeys.RSA_2048, "rsa")
            .build()
            .and(
                Fixture.signer(TestKeys.ED25519, "ed")
                    .canonicalization(Canonicalization.SIMPLE, Canonicalization.SIMPLE)
                    .build());
    String fields = signer.signatureFields(message());
    InputStream signed =
        new SequenceInputStream(
            new ByteArrayInputStream(fields.getBytes(StandardCharsets.US_ASCII)), message());
    DkimResults results = Fixture.verifier().verify(signed);
    assertEquals(2, results.results().size());
    assertTrue(results.stream().allMatch(DkimResult::passed), results.toString());
  }

  /** A message of about 50 MB of base64-like lines, generated on the fly. */
  static InputStream message() {
    byte[] header =
        ("From: big@example.com\r\nTo: a@example.org\r\nSubject: large\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] line =
        "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    return new InputStream() {
      long position;
      final long total = header.length + BODY_BYTES;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= total) {
          return -1;
        }
        int n = (int) Math.min(len, total - position);
        for (int i = 0; i < n; i++) {
          long p = position + i;
          b[off + i] =
              p < header.length ? header[(int) p] : line[(int) ((p - header.length) % line.length)];
        }
        position += n;
        return n;
      }
    };
  }
}
