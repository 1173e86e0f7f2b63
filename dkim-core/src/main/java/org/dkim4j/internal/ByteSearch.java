package org.dkim4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches in byte arrays that test eight bytes at a time, for the parsers that look for one
 * delimiter in long runs of other bytes (a LF ending a header line, the ';' between tags).
 *
 * <p>Each word test marks the high bit of every matching byte; a borrow can also mark a byte after
 * a match, never one before the first, so the lowest mark is exact.
 */
public final class ByteSearch {
  private ByteSearch() {}

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  /**
   * Returns the index of the first {@code b} in {@code bytes} from {@code from} (inclusive) to
   * {@code to} (exclusive), or -1.
   *
   * @param bytes the array to search
   * @param b the byte to find
   * @param from the first index to look at
   * @param to the index after the last one to look at
   * @return the index of the first {@code b}, or -1 when there is none
   */
  public static int indexOf(byte[] bytes, byte b, int from, int to) {
    long pattern = ONES * (b & 0xff);
    int i = from;
    for (int last = to - 8; i <= last; i += 8) {
      long x = (long) LONGS.get(bytes, i) ^ pattern;
      long zeros = (x - ONES) & ~x & HIGH_BITS;
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the index of the first byte from 0x00 to 0x20 (a control byte or a space) in {@code
   * bytes} from {@code from} to {@code to} (exclusive), or {@code to} when there is none.
   *
   * @param bytes the array to search
   * @param from the first index to look at
   * @param to the index after the last one to look at
   * @return the index of the first such byte, or {@code to}
   */
  public static int indexOfAtMostSpace(byte[] bytes, int from, int to) {
    int i = from;
    for (int last = to - 8; i <= last; i += 8) {
      long x = (long) LONGS.get(bytes, i);
      long marks = (x - ONES * 0x21) & ~x & HIGH_BITS; // a byte with its high bit set is above 0x20
      if (marks != 0) {
        return i + (Long.numberOfTrailingZeros(marks) >>> 3);
      }
    }
    for (; i < to; i++) {
      if ((bytes[i] & 0xff) <= ' ') {
        return i;
      }
    }
    return to;
  }
}
