package org.dkim4j.jakarta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.eclipse.angus.mail.util.CRLFOutputStream;
import org.junit.jupiter.api.Test;

/** Line endings are normalized exactly as the SMTP transport will transmit them. */
class CrlfOutputStreamTest {

  static String normalize(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CrlfOutputStream crlf = new CrlfOutputStream(out)) {
      crlf.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void bareLfAndBareCrBecomeCrlfAndCrlfStays() throws IOException {
    assertEquals("a\r\nb\r\nc\r\nd", normalize("a\nb\rc\r\nd"));
    assertEquals("\r\n\r\n", normalize("\r\r\n"));
    assertEquals("x\r\n\r\n", normalize("x\n\r"));
  }

  @Test
  void aCrlfSplitAcrossWritesIsOneLineEnding() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CrlfOutputStream crlf = new CrlfOutputStream(out);
    crlf.write(new byte[] {'a', '\r'});
    crlf.write('\n');
    crlf.write(new byte[] {'\n', 'b'});
    assertEquals("a\r\n\r\nb", out.toString(StandardCharsets.ISO_8859_1));
  }

  @Test
  void matchesTheSmtpTransportsOwnNormalizationOnRandomInput() throws IOException {
    Random random = new Random(42);
    for (int round = 0; round < 500; round++) {
      byte[] input = new byte[random.nextInt(300)];
      for (int i = 0; i < input.length; i++) {
        int pick = random.nextInt(6);
        input[i] = (byte) (pick == 0 ? '\r' : pick == 1 ? '\n' : 'a' + random.nextInt(3));
      }
      assertArrayEquals(
          writeInChunks(input, new Random(round), true),
          writeInChunks(input, new Random(-round), false));
    }
  }

  /** Writes in random chunks to Angus Mail's stream (which SMTP uses for DATA) or to ours. */
  private static byte[] writeInChunks(byte[] input, Random random, boolean reference)
      throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream out = reference ? new CRLFOutputStream(sink) : new CrlfOutputStream(sink);
    int i = 0;
    while (i < input.length) {
      int n = Math.min(input.length - i, random.nextInt(5));
      if (n == 1 && random.nextBoolean()) {
        out.write(input[i]);
      } else {
        out.write(input, i, n);
      }
      i += n;
    }
    out.flush();
    return sink.toByteArray();
  }
}
