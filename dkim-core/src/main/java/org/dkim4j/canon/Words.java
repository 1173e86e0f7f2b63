package org.dkim4j.canon;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Tests on eight bytes at a time, shared by the body and header canonicalizers: where relaxed
 * canonicalization (RFC 6376 sections 3.4.2 and 3.4.4) may have to change something.
 */
final class Words {
  private Words() {}

  /** Reads eight bytes at any offset of a byte array, the first in the lowest bits. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static final long ONES = 0x0101010101010101L;
  static final long HIGH_BITS = 0x8080808080808080L;

  /**
   * The high bit of each of the eight bytes at {@code i} that is a control byte or a space followed
   * by a byte of at most 0x20; may mark a {@code '!'} after such a byte too, never one before the
   * first, so the lowest mark is exact. Reads nine bytes: {@code i + 8} must be inside {@code
   * bytes}.
   */
  static long relaxedCandidates(byte[] bytes, int i) {
    long x = (long) LONGS.get(bytes, i);
    long next = (long) LONGS.get(bytes, i + 1);
    long notX = ~x;
    return ((x - ONES * 0x20) & notX | (x - ONES * 0x21) & notX & (next - ONES * 0x21) & ~next)
        & HIGH_BITS;
  }
}
