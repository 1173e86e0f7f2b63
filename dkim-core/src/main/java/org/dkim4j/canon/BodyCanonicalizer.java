package org.dkim4j.canon;

import static org.dkim4j.canon.Words.HIGH_BITS;
import static org.dkim4j.canon.Words.ONES;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Streaming body canonicalization, RFC 6376 sections 3.4.3 (simple) and 3.4.4 (relaxed).
 *
 * <p>Push-based: feed the body in chunks of any size with {@link #update}, then call {@link
 * #finish()}. Output goes to a {@link ByteSink} in slices of the input wherever the input passes
 * unchanged, never byte by byte: most bodies (CRLF line endings, single spaces between words) pass
 * to the sink in one slice per chunk. Trailing empty lines are held back as a count, so memory does
 * not grow with the body. A bare LF is read as CRLF, as every major implementation does; a CR that
 * is not followed by LF is ordinary content.
 *
 * <p>Not thread-safe: one instance per body.
 */
public final class BodyCanonicalizer {

  static final byte CR = '\r';
  static final byte LF = '\n';
  static final byte SP = ' ';
  static final byte HTAB = '\t';
  private static final byte[] CRLFS = crlfs(64);
  private static final byte[] LONE_CR = {CR};
  private static final byte[] SPACE = {SP};

  /** Reads eight bytes at any offset of a byte array, the first in the lowest bits. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
  private static final long CRS = ONES * CR;
  private static final long LFS = ONES * LF;

  private final ByteSink out;
  private final boolean relaxed;

  private long pendingEmptyLines;
  private boolean pendingCr;
  private boolean pendingSpace;
  private boolean lineHasContent;
  private boolean wroteAnything;

  /**
   * The chunk being canonicalized, and where its bytes that pass unchanged, not yet written, start.
   */
  private byte[] chunk;

  private int run;

  private BodyCanonicalizer(boolean relaxed, ByteSink out) {
    this.relaxed = relaxed;
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Returns a canonicalizer of the given kind writing to {@code out}.
   *
   * @param canonicalization {@link Canonicalization#SIMPLE} (RFC 6376 section 3.4.3) or {@link
   *     Canonicalization#RELAXED} (section 3.4.4)
   * @param out receives the canonical body
   * @return a new canonicalizer, ready for the first {@link #update}
   */
  public static BodyCanonicalizer of(Canonicalization canonicalization, ByteSink out) {
    return new BodyCanonicalizer(canonicalization == Canonicalization.RELAXED, out);
  }

  /**
   * Canonicalizes the next {@code length} bytes of the body.
   *
   * @param bytes holds the body bytes; not kept after the call
   * @param offset index of the first byte in {@code bytes}
   * @param length number of bytes to read, possibly 0
   * @throws IndexOutOfBoundsException if {@code offset} and {@code length} lie outside {@code
   *     bytes}
   */
  public void update(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length == 0) {
      return;
    }
    int end = offset + length;
    int i = offset;
    chunk = bytes;
    run = offset;
    if (pendingCr) {
      pendingCr = false;
      if (bytes[i] == LF) {
        endLine(); // the CR ended the last chunk, so this line ending cannot pass as it is
        i++;
        run = i;
      } else {
        startContent(i);
        out.write(LONE_CR, 0, 1);
      }
    }
    if (pendingSpace && i < end && (bytes[i] == SP || bytes[i] == HTAB)) {
      i = whitespace(bytes, i, end); // whitespace continued from the last chunk
    }
    while (i < end) {
      int next;
      if (relaxed) {
        if ((bytes[i] & 0xff) > SP && (!lineHasContent || pendingSpace)) {
          startContent(i); // before the scan, which may write part of the run
        }
        next = relaxedScan(bytes, i, end);
      } else {
        next = simpleScan(bytes, i, end);
      }
      if (next > i) {
        if (!lineHasContent || pendingSpace) {
          startContent(i);
        }
        i = next;
        if (i == end) {
          break;
        }
      }
      byte b = bytes[i];
      if (b == CR) {
        if (i + 1 == end) {
          flush(i);
          pendingCr = true; // whether it ends a line, the next chunk tells
          run = ++i;
        } else if (bytes[i + 1] == LF) {
          if (lineHasContent) {
            lineHasContent = false; // a CRLF after content passes unchanged
            pendingSpace = false;
            i += 2;
          } else {
            flush(i);
            pendingEmptyLines++;
            pendingSpace = false;
            i += 2;
            run = i;
          }
        } else {
          if (!lineHasContent || pendingSpace) {
            startContent(i);
          }
          i++; // a CR alone is content
        }
      } else if (b == LF) {
        flush(i);
        endLine();
        run = ++i;
      } else if (relaxed && (b == SP || b == HTAB)) {
        i = whitespace(bytes, i, end);
      } else {
        if (!lineHasContent || pendingSpace) {
          startContent(i);
        }
        i++; // other bytes the scan stops at are content too
      }
    }
    flush(end);
    chunk = null;
  }

  /** Ends the body: writes the final line ending and drops trailing empty lines. */
  public void finish() {
    run = 0; // no chunk: nothing unchanged is left to write
    if (pendingCr) {
      pendingCr = false;
      startContent(0);
      out.write(LONE_CR, 0, 1);
    }
    if (lineHasContent) {
      writeCrlf();
      lineHasContent = false;
    }
    pendingEmptyLines = 0;
    if (!relaxed && !wroteAnything) {
      writeCrlf(); // section 3.4.3: an empty body is a single CRLF
    }
  }

  /**
   * Relaxed whitespace at {@code from}: a single space between content passes unchanged; a run that
   * ends the line is dropped; any other run becomes one space, written before the content that
   * follows. Returns the offset after the run.
   */
  private int whitespace(byte[] bytes, int from, int end) {
    int j = from + 1;
    while (j < end && (bytes[j] == SP || bytes[j] == HTAB)) {
      j++;
    }
    if (j < end) {
      byte next = bytes[j];
      if (next == LF || (next == CR && j + 1 < end && bytes[j + 1] == LF)) {
        flush(from); // whitespace at the end of a line
        run = j;
        return j;
      }
      if (j == from + 1
          && bytes[from] == SP
          && lineHasContent
          && !pendingSpace
          && !(next == CR && j + 1 == end)) {
        return j; // one space before more content: unchanged
      }
    }
    // Before content, or at the end of the chunk where what follows is not known yet.
    flush(from);
    pendingSpace = true;
    run = j;
    return j;
  }

  /** Content starts at {@code at}: writes the empty lines and the space held back before it. */
  private void startContent(int at) {
    if (!lineHasContent) {
      if (pendingEmptyLines > 0) {
        flush(at);
        while (pendingEmptyLines > 0) {
          int n = (int) Math.min(pendingEmptyLines, CRLFS.length / 2);
          out.write(CRLFS, 0, n * 2);
          pendingEmptyLines -= n;
        }
      }
      lineHasContent = true;
      wroteAnything = true;
    }
    if (pendingSpace) {
      flush(at);
      pendingSpace = false;
      out.write(SPACE, 0, 1);
    }
  }

  /** A line ending that cannot pass unchanged: a bare LF, or a CRLF split between chunks. */
  private void endLine() {
    pendingSpace = false;
    if (lineHasContent) {
      writeCrlf();
      lineHasContent = false;
    } else {
      pendingEmptyLines++;
    }
  }

  private void writeCrlf() {
    out.write(CRLFS, 0, 2);
    wroteAnything = true;
  }

  /** Writes the unchanged bytes of the chunk before {@code to}. */
  private void flush(int to) {
    if (to > run) {
      out.write(chunk, run, to - run);
    }
    run = to;
  }

  /*
   * The scans below let through, unchanged, long runs of a chunk: content, single spaces between
   * content (relaxed), and CRLF line breaks followed by content. They stop where canonicalization
   * may change something, and the main loop decides byte by byte from there: a bare LF, a CRLF
   * followed by a space, a control byte or another line break (an empty line may follow, and
   * trailing empty lines are dropped), and for relaxed any HTAB and any space followed by a space,
   * a control byte or a line break. A run never starts with a line break or whitespace, so content
   * follows every line break it passes, and the line state the main loop keeps stays true.
   *
   * Eight bytes are tested at a time. A word-wide test may stop early at a byte that needs
   * nothing, which the main loop treats as it is, but never passes one that does: the tests for
   * "this byte is X" are exact, and "the byte two ahead is at most 0x20" may only err towards yes.
   * Near the end of a chunk, where the bytes ahead are not known, the scans stop at every candidate.
   */

  /** Returns where simple canonicalization may have to change something, or {@code end}. */
  private static int simpleScan(byte[] bytes, int from, int end) {
    int i = from;
    if (i < end && (bytes[i] == CR || bytes[i] == LF)) {
      return i;
    }
    i++;
    for (int last = end - 18; i <= last; i += 16) {
      long x = (long) LONGS.get(bytes, i);
      long x2 = (long) LONGS.get(bytes, i + 8);
      if ((((x - ONES * 0x0E) & ~x | (x2 - ONES * 0x0E) & ~x2) & HIGH_BITS) != 0) {
        break; // a CR or LF among these sixteen bytes: look closer below
      }
    }
    for (int last = end - 10; i <= last; i += 8) {
      long x = (long) LONGS.get(bytes, i);
      long candidates = (x - ONES * 0x0E) & ~x & HIGH_BITS; // CR, LF and a few other controls
      if (candidates != 0) {
        long stop = candidates & ~lineBreakBeforeContent(bytes, i, x);
        while (stop != 0) {
          int k = i + (Long.numberOfTrailingZeros(stop) >>> 3);
          if (!emptyLineBeforeContent(bytes, k, end)) {
            return k;
          }
          stop &= stop - 1; // a paragraph break: the CRLFs after this CR pass as line breaks
        }
      }
    }
    for (; i < end; i++) {
      byte b = bytes[i];
      if (b == CR || (b == LF && bytes[i - 1] != CR)) {
        return i;
      }
    }
    return end;
  }

  /**
   * Returns where relaxed canonicalization may have to change something, or {@code end}. One space
   * at the end of a line that content follows (format=flowed text ends most lines so) is dropped on
   * the way: the bytes before it are written and the run goes on after it.
   */
  private int relaxedScan(byte[] bytes, int from, int end) {
    int i = from;
    if (i < end && (bytes[i] & 0xff) <= SP) {
      return i; // whitespace or a line break: the main loop's
    }
    i++;
    int last = end - 10;
    if (i <= last) {
      int k = relaxedCandidate(bytes, i, last);
      if (k >= 0) {
        return k;
      }
      i = -k - 1; // nothing up to here: the last few bytes, for the careful loop below
    }
    for (; i < end; i++) {
      byte b = bytes[i];
      if ((b & 0xff) <= SP && !(b == LF && bytes[i - 1] == CR)) {
        return i;
      }
    }
    return end;
  }

  /**
   * Returns where, from {@code from} and looking at eight bytes at a time from offsets at most
   * {@code last}, relaxed canonicalization may have to change something: a control byte (CR, LF,
   * HTAB among them) other than a CRLF that content follows, or a space followed by a byte of at
   * most 0x20. May return a byte that needs nothing (a {@code '!'} after such a byte), which the
   * caller treats as it is. When there is none, returns {@code -1 - i}, where {@code i} is the
   * first offset not looked at. Passes on the way, as they need nothing more: one empty line that
   * content follows (a paragraph break), and one space before a CRLF that content follows, which it
   * drops, writing the bytes before it.
   *
   * <p>Two loops take turns: sixteen bytes at a time while none is at most 0x20 (base64, long
   * words), and sixteen at a time with the exact test while there are spaces (text), back to the
   * first after each line break. The second branches once per sixteen bytes, and finds the first
   * mark among them without a branch; eight bytes left over at the end are tested alone. Both are
   * small, so the compiler keeps them tight. Once two lines of one length have passed, {@link
   * #linesOfLength} tests the lines after them whole, as long as they keep that length.
   */
  private int relaxedCandidate(byte[] bytes, int from, int last) {
    int i = from;
    int lineStart = -1; // where the line being scanned starts, once a line break was passed
    int lineLength = -1; // the length of the line before it, once two line breaks were passed
    boolean text = false; // the line has spaces: the first loop would stop at once
    while (true) {
      for (; !text && i <= last - 8; i += 16) {
        long x = (long) LONGS.get(bytes, i);
        long y = (long) LONGS.get(bytes, i + 8);
        if ((atMost0x20(x) | atMost0x20(y)) != 0) {
          break;
        }
      }
      text = false;
      int k = -1;
      for (; i <= last - 8; i += 16) {
        long first = Words.relaxedCandidates(bytes, i);
        long second = Words.relaxedCandidates(bytes, i + 8);
        if ((first | second) != 0) {
          int zeros = Long.numberOfTrailingZeros(first); // 64 when the first eight have none
          zeros += Long.numberOfTrailingZeros(second) & -(zeros >>> 6);
          k = i + (zeros >>> 3);
          break;
        }
      }
      if (k < 0 && i <= last) {
        long candidates = Words.relaxedCandidates(bytes, i);
        i += 8; // the last eight before the end
        if (candidates != 0) {
          k = i - 8 + (Long.numberOfTrailingZeros(candidates) >>> 3);
        }
      }
      if (k < 0) {
        return -1 - i;
      }
      // k <= last + 7, and last leaves room for two more bytes; bytes up to last + 9 may be read.
      if (bytes[k] == CR && bytes[k + 1] == LF) {
        int next = emptyLineBeforeContent(bytes, k, last + 10) ? k + 4 : k + 2;
        if ((bytes[next] & 0xff) <= SP) {
          return k;
        }
        i = next; // a CRLF that content follows passes unchanged
        if (lineStart >= 0) {
          int length = k - lineStart;
          if (length == lineLength) {
            i = linesOfLength(bytes, i, length, last); // lines of one length: base64
          }
          lineLength = length;
        }
        lineStart = i;
        continue;
      }
      if (bytes[k] == SP
          && bytes[k + 1] == CR
          && bytes[k + 2] == LF
          && k + 3 <= last + 9
          && (bytes[k + 3] & 0xff) > SP) {
        flush(k); // one space before a line break that content follows: drop it, go on
        run = k + 1;
        i = k + 3;
        lineStart = i;
        lineLength = -1;
        text = true;
        continue;
      }
      return k;
    }
  }

  /**
   * Returns where the lines from {@code start} that pass unchanged stop, when each has {@code
   * length} bytes of content (none at most 0x20) and then a CRLF that content follows, as base64
   * and other encoded parts are written; {@code start} itself when the first does not. Each line is
   * tested whole, sixteen bytes at a time, in a loop whose length the processor learns, and its
   * marks are looked at once, with its line break: the scan does not leave its loop at every line
   * break. A line with a space (text that happens to have lines of one length) is read whole before
   * the test fails, and the scan goes on from its start. Reads no further than {@code last + 9}.
   */
  private static int linesOfLength(byte[] bytes, int start, int length, int last) {
    if (length < 16) {
      return start;
    }
    int s = start;
    for (int lastStart = last + 7 - length; s <= lastStart; s += length + 2) {
      int lineEnd = s + length;
      long marks = 0;
      for (int j = s; j < lineEnd - 16; j += 16) {
        marks |=
            atMost0x20Unmasked((long) LONGS.get(bytes, j))
                | atMost0x20Unmasked((long) LONGS.get(bytes, j + 8));
      }
      marks |=
          atMost0x20Unmasked((long) LONGS.get(bytes, lineEnd - 16))
              | atMost0x20Unmasked((long) LONGS.get(bytes, lineEnd - 8));
      if ((marks & HIGH_BITS) != 0
          || bytes[lineEnd] != CR
          || bytes[lineEnd + 1] != LF
          || (bytes[lineEnd + 2] & 0xff) <= SP) {
        break;
      }
    }
    return s;
  }

  /**
   * Whether {@code k} starts a CRLF, an empty line and content (a byte above 0x20) before {@code
   * end}, which passes unchanged, simple and relaxed alike: the empty line is not at the end of the
   * body.
   */
  private static boolean emptyLineBeforeContent(byte[] bytes, int k, int end) {
    return k + 4 < end
        && bytes[k] == CR
        && bytes[k + 1] == LF
        && bytes[k + 2] == CR
        && bytes[k + 3] == LF
        && (bytes[k + 4] & 0xff) > SP;
  }

  /**
   * The high bit of each byte of the eight at {@code i} (which are {@code x}) that belongs to a
   * CRLF followed by content: a CR followed by LF and a byte above 0x20, or a LF after a CR. Exact:
   * never marks a byte that is not one.
   */
  private static long lineBreakBeforeContent(byte[] bytes, int i, long x) {
    long previous = (long) LONGS.get(bytes, i - 1);
    long next = (long) LONGS.get(bytes, i + 1);
    long twoAhead = (long) LONGS.get(bytes, i + 2);
    return (equal(x, CRS) & equal(next, LFS) & above0x20(twoAhead))
        | (equal(x, LFS) & equal(previous, CRS));
  }

  /** The high bit of each byte of {@code x} above 0x20; exact. */
  private static long above0x20(long x) {
    return (((x | HIGH_BITS) - ONES * 0x21) | x) & HIGH_BITS;
  }

  /** The high bit of each byte of {@code x} that equals the byte repeated in {@code c}; exact. */
  private static long equal(long x, long c) {
    long v = x ^ c;
    return ~(((v & LOW_BITS) + LOW_BITS) | v) & HIGH_BITS;
  }

  /**
   * The high bit of each byte of {@code x} at most 0x20, and possibly of bytes after such a byte:
   * never misses one, may add some.
   */
  private static long atMost0x20(long x) {
    return atMost0x20Unmasked(x) & HIGH_BITS;
  }

  /**
   * {@link #atMost0x20} before its other bits are cleared: the high bits are the same, so marks of
   * several words can be gathered with {@code |} and masked once.
   */
  private static long atMost0x20Unmasked(long x) {
    return (x - ONES * 0x21) & ~x;
  }

  private static byte[] crlfs(int count) {
    byte[] bytes = new byte[count * 2];
    for (int i = 0; i < bytes.length; i += 2) {
      bytes[i] = CR;
      bytes[i + 1] = LF;
    }
    return bytes;
  }
}
