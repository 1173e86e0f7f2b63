package org.dkim4j.jakarta;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns every bare CR and bare LF into CRLF, as the SMTP transport of Jakarta Mail does before
 * sending DATA (RFC 5321 section 2.3.8: lines end in CRLF on the wire). Signing the output of this
 * stream signs the line endings that the receiver will see; writing it again through the
 * transport's own normalization changes nothing, since CRLF stays CRLF.
 *
 * <p>A CR directly followed by LF is one line ending, also across {@code write} calls.
 */
final class CrlfOutputStream extends FilterOutputStream {

  private static final byte[] CRLF = {'\r', '\n'};

  private boolean afterCr;

  CrlfOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    if (b == '\r') {
      out.write(CRLF);
      afterCr = true;
    } else if (b == '\n') {
      if (!afterCr) {
        out.write(CRLF);
      }
      afterCr = false;
    } else {
      out.write(b);
      afterCr = false;
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int end = off + len;
    int start = off;
    for (int i = off; i < end; i++) {
      byte c = b[i];
      if (c == '\r') {
        out.write(b, start, i - start);
        out.write(CRLF);
        start = i + 1;
        afterCr = true;
      } else if (c == '\n') {
        out.write(b, start, i - start);
        if (!afterCr) {
          out.write(CRLF);
        }
        start = i + 1;
        afterCr = false;
      } else {
        afterCr = false;
      }
    }
    out.write(b, start, end - start);
  }
}
