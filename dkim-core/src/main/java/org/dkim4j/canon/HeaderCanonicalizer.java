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
    return canonicalize(canonicalization, buffer, offset, length, buffer, offset);
  }

  /**
   * Canonicalizes one header field read from {@code source} into {@code target}: a copy and {@link
   * #canonicalizeInPlace} in one pass, each byte moved once.
   *
   * @param canonicalization {@link Canonicalization#SIMPLE} (RFC 6376 section 3.4.1) or {@link
   *     Canonicalization#RELAXED} (section 3.4.2)
   * @param source holds the raw field from {@code offset}; not modified
   * @param offset index of the field's first byte in {@code source}
   * @param length the raw field's length, its terminating CRLF included
   * @param target receives the canonical form from {@code targetOffset}, which needs room for
   *     {@code length} bytes, and nothing outside them is written; those after the canonical form
   *     keep their values
   * @param targetOffset index in {@code target} of the canonical form's first byte
   * @return the length of the canonical form, which ends in CRLF
   * @throws IllegalArgumentException for relaxed canonicalization of a field that does not end in
   *     CRLF, or when {@code target} is {@code source} at another offset (use {@link
   *     #canonicalizeInPlace} to canonicalize in place)
   * @throws IndexOutOfBoundsException if the field lies outside {@code source}, or {@code length}
   *     bytes from {@code targetOffset} outside {@code target}
   */
  public static int canonicalize(
      Canonicalization canonicalization,
      byte[] source,
      int offset,
      int length,
      byte[] target,
      int targetOffset) {
    Objects.checkFromIndexSize(offset, length, source.length);
    Objects.checkFromIndexSize(targetOffset, length, target.length);
    if (source == target && offset != targetOffset) {
      throw new IllegalArgumentException("target overlaps source at another offset");
    }
    if (canonicalization == Canonicalization.SIMPLE) {
      if (source != target) {
        System.arraycopy(source, offset, target, targetOffset, length);
      }
      return length;
    }
    int to = offset + length;
    if (length < 2 || source[to - 2] != '\r' || source[to - 1] != '\n') {
      throw new IllegalArgumentException("a header field must end in CRLF");
    }
    return relaxed(source, offset, to - 2, target, targetOffset) - targetOffset;
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
    int n = relaxed(out, 0, end, out, 0);
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * Relaxed canonicalization of the field in {@code src} from {@code from} to {@code end} (its
   * content, without the terminating CRLF), written to {@code dst} from {@code start}, followed by
   * CRLF; returns the index in {@code dst} after it. {@code dst} is another array, or {@code src}
   * with {@code start == from} to canonicalize in place: every byte is read before it can be
   * overwritten, since output never gets ahead of input (a space is only written where at least one
   * whitespace byte was dropped). Needs {@code end + 2 <= src.length}, and room in {@code dst} for
   * {@code end + 2 - from} bytes from {@code start}, the raw field's length: nothing outside them
   * is written, not even with its own value.
   */
  private static int relaxed(byte[] src, int from, int end, byte[] dst, int start) {
    int n = start;
    int colon = ByteSearch.indexOf(src, (byte) ':', from, end);
    int valueStart;
    if (colon < 0) {
      valueStart = from; // no name: canonicalize the whole line as a value
    } else {
      int nameEnd = colon;
      while (nameEnd > from && isWhitespace(src[nameEnd - 1])) {
        nameEnd--;
      }
      lowercaseName(src, from, nameEnd, dst, start, end + 2 - from);
      n = start + (nameEnd - from);
      dst[n++] = ':';
      valueStart = colon + 1;
    }
    boolean pendingSpace = false;
    boolean started = false;
    byte previous = 0; // the byte before i as received, which the output may have overwritten
    int i = valueStart;
    while (i < end) {
      byte x = src[i];
      if ((x & 0xff) > ' ') { // content: it and the run after it pass unchanged, maybe moved
        if (pendingSpace) {
          if (started) {
            dst[n++] = ' ';
          }
          pendingSpace = false;
        }
        started = true;
        int j = runEnd(src, i + 1, end);
        previous = src[j - 1];
        if (n != i || dst != src) {
          System.arraycopy(src, i, dst, n, j - i);
        }
        n += j - i;
        i = j;
        continue;
      }
      boolean foldingBreak =
          (x == '\r' && i + 1 < end && src[i + 1] == '\n') || (x == '\n' && previous == '\r');
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
        dst[n++] = ' ';
      }
      pendingSpace = false;
      started = true;
      dst[n++] = x;
    }
    dst[n++] = '\r';
    dst[n++] = '\n';
    return n;
  }

  /**
   * Writes the name from {@code from} to {@code nameEnd} of {@code src} to {@code dst} from {@code
   * start}, its ASCII letters lowercased, eight bytes at a time: a name's last bytes are read as
   * the word that ends with it (letters already lowercased stay so), a name shorter than eight as
   * the word that starts with it, merged into {@code dst} so that the bytes after the name there
   * stay as they were; a field shorter than eight bytes ({@code room}, the raw length) a byte at a
   * time, so that no byte of {@code dst} past the field is written. Other bytes, whatever they are,
   * are copied as they are.
   */
  private static void lowercaseName(
      byte[] src, int from, int nameEnd, byte[] dst, int start, int room) {
    if (room < 8 || from + 8 > src.length) {
      for (int i = from; i < nameEnd; i++) {
        dst[start + i - from] = lowercase(src[i]);
      }
      return;
    }
    int i = from;
    for (; i <= nameEnd - 8; i += 8) {
      LONGS.set(dst, start + i - from, lowercase((long) LONGS.get(src, i)));
    }
    if (i < nameEnd) {
      if (nameEnd - 8 >= from) {
        LONGS.set(dst, start + nameEnd - 8 - from, lowercase((long) LONGS.get(src, nameEnd - 8)));
      } else {
        long name = (1L << ((nameEnd - from) << 3)) - 1; // the bytes of a name shorter than eight
        long kept = (long) LONGS.get(dst, start) & ~name;
        LONGS.set(dst, start, kept | lowercase((long) LONGS.get(src, from)) & name);
      }
    }
  }

  /** The eight bytes of {@code x} with each of A to Z lowercased. */
  private static long lowercase(long x) {
    long low = x & 0x7F7F7F7F7F7F7F7FL; // no carry leaves a byte below
    long atLeastA = low + Words.ONES * (0x80 - 'A');
    long afterZ = low + Words.ONES * (0x80 - 'Z' - 1);
    long upper = atLeastA & ~afterZ & ~x & Words.HIGH_BITS;
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
