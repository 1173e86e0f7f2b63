package org.dkim4j.jakarta;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Holds the bytes of one message between writing and reading them back: in memory up to a
 * threshold, then in a temporary file (created readable by its owner only, deleted on {@link
 * #close()}). A large message is therefore never held in the heap, and never held twice.
 *
 * <p>Not thread-safe: one spool per {@code writeTo}.
 */
final class Spool extends OutputStream {

  /** Messages up to this size stay in memory. */
  static final int DEFAULT_THRESHOLD = 1 << 20;

  private static final int FILE_BUFFER = 64 * 1024;

  private final int threshold;
  private byte[] buffer;
  private int count;
  private Path file;
  private OutputStream fileOut;
  private long size;

  Spool(int threshold) {
    this.threshold = threshold;
    this.buffer = new byte[Math.min(8192, threshold)];
  }

  @Override
  public void write(int b) throws IOException {
    // Quoted-printable encoding writes byte by byte: keep that path free of allocation.
    if (fileOut != null) {
      fileOut.write(b);
      size++;
    } else if (count < buffer.length) {
      buffer[count++] = (byte) b;
      size++;
    } else {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (fileOut == null && count + len > threshold) {
      moveToFile();
    }
    if (fileOut != null) {
      fileOut.write(b, off, len);
    } else {
      if (count + len > buffer.length) {
        buffer =
            Arrays.copyOf(buffer, Math.min(threshold, Math.max(count + len, buffer.length * 2)));
      }
      System.arraycopy(b, off, buffer, count, len);
      count += len;
    }
    size += len;
  }

  private void moveToFile() throws IOException {
    file = Files.createTempFile("dkim4j-", ".eml");
    fileOut = new BufferedOutputStream(Files.newOutputStream(file), FILE_BUFFER);
    fileOut.write(buffer, 0, count);
    buffer = null;
    count = 0;
  }

  @Override
  public void flush() throws IOException {
    if (fileOut != null) {
      fileOut.flush();
    }
  }

  /** Returns the temporary file the bytes went to, or null while they are in memory. */
  Path file() {
    return file;
  }

  /** Returns the number of bytes written. */
  long size() {
    return size;
  }

  /** Returns a stream over everything written so far; may be called more than once. */
  InputStream openStream() throws IOException {
    if (fileOut != null) {
      fileOut.flush();
      return Files.newInputStream(file);
    }
    return new ByteArrayInputStream(buffer, 0, count);
  }

  /** Copies everything written so far to {@code out}. */
  void copyTo(OutputStream out) throws IOException {
    if (fileOut == null) {
      out.write(buffer, 0, count);
      return;
    }
    try (InputStream in = openStream()) {
      in.transferTo(out);
    }
  }

  /** Deletes the temporary file, if any, and releases the buffer. */
  @Override
  public void close() throws IOException {
    buffer = null;
    if (file != null) {
      try {
        fileOut.close();
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }
}
