package org.dkim4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The streams a command uses: standard input, output and error, replaceable in tests.
 *
 * @param in standard input, read for the file name {@code -}
 * @param out standard output (binary-safe: signed messages are written as bytes)
 * @param err standard error, for one-line diagnostics
 */
public record Io(InputStream in, PrintStream out, PrintStream err) {

  /** Opens a file, or standard input for {@code -}. */
  InputStream open(String file) throws IOException {
    if ("-".equals(file)) {
      return new java.io.FilterInputStream(in) {
        @Override
        public void close() {
          // standard input stays open
        }
      };
    }
    return Files.newInputStream(Path.of(file));
  }

  /** Reads a file, or standard input for {@code -}, completely. */
  byte[] read(String file) throws IOException {
    try (InputStream stream = open(file)) {
      return stream.readAllBytes();
    }
  }
}
