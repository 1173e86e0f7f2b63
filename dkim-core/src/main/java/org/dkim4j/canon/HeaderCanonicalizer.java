package org.dkim4j.canon;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import org.dkim4j.internal.ByteSearch;

/** Header field canonicalization, RFC 6376 sections 3.4.1 (simple) and 3.4.2 (relaxed). */
public final class HeaderCanonicalizer {
  private HeaderCanonicalizer() {}

  /** Reads and writes eight bytes at any offset of a byte array, the first in the lowest bits. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Canonicalizes one raw header field (name, colon, value, folding and terminating CRLF).
   *
   * @param canonicalization {@link Canonicalization#SIMPLE} (RFC 6376 section 3.4.1) or {@link
   *     Canonicalization#RELAXED} (section 3.4.2)
   * @param rawField the field exactly as in the message, with its terminating CRLF; not modified
   * @return the canonical form, ending in CRLF
   */
  public static byte[] canonicalize(Canonicalization canonicalization, byte[] rawField) {
    return canonicalization == Canonicalization.SIMPLE ? rawField.clone() : relaxed(rawField);
  }

  /**
   * Canonicalizes one header field held in {@code buffer}, in place. A field that ends in CRLF, as
   * every field of a message does, never grows: relaxed canonicalization only removes bytes and
   * lowercases the name, and simple changes nothing.
   *
   * @param canonicalization {@link Canonicalization#SIMPLE} (RFC 6376 section 3.4.1) or {@link
   *     Canonicalization#RELAXED} (section 3.4.2)
   * @param buffer holds the raw field from {@code offset}; overwritten with its canonical form
   * @param offset index of the field's first byte
   * @param length the raw field's length, its terminating CRLF included
   * @return the length of the canonical form, which starts at {@code offset} and ends in CRLF
   * @throws IllegalArgumentException for relaxed canonicalization of a field that does not end in
   *     CRLF
   * @throws IndexOutOfBoundsException if {@code offset} and {@code length} lie outside {@code
   *     buffer}
   */
  public static int canonicalizeInPlace(
      Canonicalization canonicalization, byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (canonicalization == Canonicalization.SIMPLE) {
      return length;
    }
    int to = offset + length;
    if (length < 2 || buffer[to - 2] != '\r' || buffer[to - 1] != '\n') {
      throw new IllegalArgumentException("a header field must end in CRLF");
    }
    return relaxedInPlace(buffer, offset, to - 2) - offset;
  }

  /**
   * Relaxed: lowercase the name, unfold, reduce whitespace runs to one space, delete whitespace at
   * the end of the value and around the colon, end with CRLF.
   */
  static byte[] relaxed(byte[] raw) {
    int end = raw.length;
    if (end >= 2 && raw[end - 2] == '\r' && raw[end - 1] == '\n') {
      end -= 2;
    }
    byte[] out = Arrays.copyOf(raw, end + 2); // canonical form is never longer
    int n = relaxedInPlace(out, 0, end);
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * Relaxed canonicalization of the field in {@code b} from {@code from} to {@code end} (its
   * content, without the terminating CRLF), written over it from {@code from}, followed by CRLF,
   * which needs {@code end + 2 <= b.length}. Returns the index after the canonical form. Every byte
   * is read before it can be overwritten: output never gets ahead of input, since a space is only
   * written where at least one whitespace byte was dropped.
   */
  private static int relaxedInPlace(byte[] b, int from, int end) {
    int n = from;
    int colon = ByteSearch.indexOf(b, (byte) ':', from, end);
    int valueStart;
    if (colon < 0) {
      valueStart = from; // no name: canonicalize the whole line as a value
    } else {
      int nameEnd = colon;
      while (nameEnd > from && isWhitespace(b[nameEnd - 1])) {
        nameEnd--;
      }
      lowercaseName(b, from, nameEnd);
      n = nameEnd;
      b[n++] = ':';
      valueStart = colon + 1;
    }
    boolean pendingSpace = false;
    boolean started = false;
    byte previous = 0; // the byte before i as received, which the output may have overwritten
    int i = valueStart;
    while (i < end) {
      byte x = b[i];
      if ((x & 0xff) > ' ') { // content: it and the run after it pass unchanged, maybe moved
        if (pendingSpace) {
          if (started) {
            b[n++] = ' ';
          }
          pendingSpace = false;
        }
        started = true;
        int j = runEnd(b, i + 1, end);
        previous = b[j - 1];
        if (n != i) {
          System.arraycopy(b, i, b, n, j - i);
        }
        n += j - i;
        i = j;
        continue;
      }
      boolean foldingBreak =
          (x == '\r' && i + 1 < end && b[i + 1] == '\n') || (x == '\n' && previous == '\r');
      previous = x;
      i++;
      if (foldingBreak) {
        continue; // unfold; the whitespace after the break starts a run
      }
      if (x == ' ' || x == '\t') {
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && started) {
        b[n++] = ' ';
      }
      pendingSpace = false;
      started = true;
      b[n++] = x;
    }
    b[n++] = '\r';
    b[n++] = '\n';
    return n;
  }

  /**
   * Lowercases the ASCII letters of the name from {@code from} to {@code nameEnd}, in place, eight
   * bytes at a time: a name's last bytes, or a short name's, are read as a word that ends at the
   * name's end (letters already lowercased stay so) or starts at it, its bytes after the name left
   * as they are. Other bytes, whatever they are, are not changed.
   */
  private static void lowercaseName(byte[] b, int from, int nameEnd) {
    if (from + 8 > b.length) {
      for (int i = from; i < nameEnd; i++) {
        b[i] = lowercase(b[i]);
      }
      return;
    }
    int i = from;
    for (; i <= nameEnd - 8; i += 8) {
      LONGS.set(b, i, lowercase((long) LONGS.get(b, i), -1L));
    }
    if (i < nameEnd) {
      if (nameEnd - 8 >= from) {
        LONGS.set(b, nameEnd - 8, lowercase((long) LONGS.get(b, nameEnd - 8), -1L));
      } else {
        long nameBytes = (1L << ((nameEnd - from) << 3)) - 1; // fewer than eight
        LONGS.set(b, from, lowercase((long) LONGS.get(b, from), nameBytes));
      }
    }
  }

  /** The eight bytes of {@code x} with each of A to Z among those {@code mask} keeps lowercased. */
  private static long lowercase(long x, long mask) {
    long low = x & 0x7F7F7F7F7F7F7F7FL; // no carry leaves a byte below
    long atLeastA = low + Words.ONES * (0x80 - 'A');
    long afterZ = low + Words.ONES * (0x80 - 'Z' - 1);
    long upper = atLeastA & ~afterZ & ~x & Words.HIGH_BITS & mask;
    return x | (upper >>> 2); // 0x80 >>> 2 is the 0x20 between cases
  }

  private static byte lowercase(byte x) {
    return x >= 'A' && x <= 'Z' ? (byte) (x + 32) : x;
  }

  /**
   * Returns where the run of bytes from {@code from} that relaxed canonicalization leaves as they
   * are ends: content, and single spaces that content follows. Looks at eight bytes at a time, so
   * that the spaces between words cost no branch each, the last few too when the field's CRLF
   * follows {@code end} in {@code b}. A run ends on content.
   */
  private static int runEnd(byte[] b, int from, int end) {
    int j = from;
    if (end >= 7 && end + 1 < b.length && b[end] == '\r') {
      // The field's CR follows the content. A control byte, it is marked: the scan stops there at
      // the latest, and may read the byte after it. The bytes left after the last full eight are
      // read as the eight that end with the CR, the marks before j (passed already) shifted out.
      for (; j <= end - 7; j += 8) {
        long stops = Words.relaxedCandidates(b, j);
        if (stops != 0) {
          return j + (Long.numberOfTrailingZeros(stops) >>> 3);
        }
      }
      long stops = Words.relaxedCandidates(b, end - 7) >>> ((j - end + 7) << 3);
      return j + (Long.numberOfTrailingZeros(stops) >>> 3);
    }
    for (; j <= end - 9; j += 8) {
      long stops = Words.relaxedCandidates(b, j);
      if (stops != 0) {
        return j + (Long.numberOfTrailingZeros(stops) >>> 3);
      }
    }
    for (; j < end; j++) {
      if ((b[j] & 0xff) <= ' ' && !(b[j] == ' ' && j + 1 < end && (b[j + 1] & 0xff) > ' ')) {
        return j;
      }
    }
    return end;
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t';
  }
}
