package org.dkim4j.dkim;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.dkim4j.message.HeaderField;
import org.dkim4j.tag.TagList;

/** Small helpers shared by the signature and key record parsers and by signer and verifier. */
final class TagValues {
  private TagValues() {}

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  /**
   * Decodes a base64 tag value, ignoring the folding whitespace RFC 6376 section 3.2 allows inside
   * it. Any other character, ASCII or not, leaves something the decoder rejects.
   *
   * @throws DkimSyntaxException naming {@code what} when the value is not base64
   */
  static byte[] base64(String what, String value) {
    // Characters beyond ISO-8859-1 become '?', which is no more base64 than they were.
    byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
    int length = removeFws(bytes);
    try {
      if (length == bytes.length) {
        return Base64.getDecoder().decode(bytes);
      }
      ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(bytes, 0, length));
      return decoded.remaining() == decoded.capacity()
          ? decoded.array()
          : Arrays.copyOf(decoded.array(), decoded.remaining());
    } catch (IllegalArgumentException e) {
      throw new DkimSyntaxException("invalid base64 in " + what);
    }
  }

  /**
   * Moves the bytes of {@code bytes} that are not folding whitespace to its front, in order, and
   * returns their number. A folded value is a few long runs (a signature's b= is lines of about 70
   * characters), so runs are found eight bytes at a time and moved with one copy each.
   */
  static int removeFws(byte[] bytes) {
    int length = bytes.length;
    int n = 0;
    int from = 0;
    while (true) {
      int end = indexOfAtMostSpace(bytes, from);
      if (n != from) {
        System.arraycopy(bytes, from, bytes, n, end - from);
      }
      n += end - from;
      if (end == length) {
        return n;
      }
      byte b = bytes[end];
      if (!isFws((char) b)) {
        bytes[n++] = b; // another control byte: kept, for the decoder to reject
      }
      from = end + 1;
    }
  }

  /** The index of the first byte from {@code from} that is 0x00–0x20, or the array's length. */
  private static int indexOfAtMostSpace(byte[] bytes, int from) {
    int i = from;
    for (int last = bytes.length - 8; i <= last; i += 8) {
      long x = (long) LONGS.get(bytes, i);
      // The high bit of each byte below 0x21 whose own high bit is clear; a borrow can mark a byte
      // after such a byte too, never one before the first, so the lowest mark is exact.
      long marks = (x - ONES * 0x21) & ~x & HIGH_BITS;
      if (marks != 0) {
        return i + (Long.numberOfTrailingZeros(marks) >>> 3);
      }
    }
    for (; i < bytes.length; i++) {
      if ((bytes[i] & 0xff) <= ' ') {
        return i;
      }
    }
    return bytes.length;
  }

  /** {@link TagList#trimWhitespace(String)}: the FWS of RFC 6376 section 3.2, nothing else. */
  static String trimFws(String value) {
    return TagList.trimWhitespace(value);
  }

  private static boolean isFws(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** Counts the fields called {@code name} (ASCII case-insensitive). */
  static int count(List<HeaderField> fields, String name) {
    int n = 0;
    for (HeaderField field : fields) {
      if (field.hasName(name)) {
        n++;
      }
    }
    return n;
  }
}
