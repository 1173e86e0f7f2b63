package org.dkim4j.jakarta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpoolTest {

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  static byte[] readBack(Spool spool) throws IOException {
    try (InputStream in = spool.openStream()) {
      return in.readAllBytes();
    }
  }

  @Test
  void smallMessagesStayInMemory() throws IOException {
    byte[] data = bytes(1000);
    try (Spool spool = new Spool(1024)) {
      spool.write(data, 0, 600);
      spool.write(data, 600, 400);
      assertNull(spool.file());
      assertArrayEquals(data, readBack(spool));
      assertArrayEquals(data, readBack(spool), "can be read twice");
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      spool.copyTo(copy);
      assertArrayEquals(data, copy.toByteArray());
    }
  }

  @Test
  void singleBytesGrowTheBufferAndThenMoveToTheFile() throws IOException {
    byte[] data = bytes(3000);
    try (Spool spool = new Spool(2048)) {
      for (byte b : data) {
        spool.write(b);
      }
      assertEquals(3000, spool.size());
      assertArrayEquals(data, readBack(spool));
      assertNotNull(spool.file());
    }
  }

  @Test
  void largeMessagesGoToAFileReadableByItsOwnerOnlyThatCloseDeletes() throws IOException {
    byte[] data = bytes(5000);
    java.nio.file.Path file;
    try (Spool spool = new Spool(1024)) {
      for (int i = 0; i < data.length; i += 700) {
        spool.write(data, i, Math.min(700, data.length - i));
      }
      spool.write(0x41);
      assertEquals(5001, spool.size());
      byte[] expected = java.util.Arrays.copyOf(data, 5001);
      expected[5000] = 0x41;
      assertArrayEquals(expected, readBack(spool));
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      spool.copyTo(copy);
      assertArrayEquals(expected, copy.toByteArray());
      file = spool.file();
      assertEquals(
          "rw-------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              java.nio.file.Files.getPosixFilePermissions(file)));
    }
    assertFalse(java.nio.file.Files.exists(file));
  }
}
