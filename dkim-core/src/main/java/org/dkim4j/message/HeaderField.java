package org.dkim4j.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.canon.HeaderCanonicalizer;
import org.dkim4j.internal.ByteSearch;

/**
 * One header field of an RFC 5322 message, kept as the exact bytes received (RFC 5322 section 2.2),
 * folding included, with line endings normalized to CRLF and the terminating CRLF included.
 *
 * <p>Instances are immutable, except for fields read by a {@link MessageReader#sharing} reader,
 * which are ranges of the message array and change if it does. Name comparison is ASCII
 * case-insensitive and does not depend on the default locale.
 */
public final class HeaderField {

  /** Holds the field's bytes, from {@link #offset}, {@link #length} of them. */
  private final byte[] bytes;

  private final int offset;
  private final int length;

  /** The index of the colon, counted from {@link #offset}; -1 without one. */
  private final int colon;

  /** The length of the name: up to the colon, whitespace before it excluded; 0 without a colon. */
  private final int nameLength;

  /**
   * The name as a String, made at the first {@link #name()}: most fields are only compared by name,
   * which {@link #hasName} does on the bytes. The field needs no lock: a String is immutable and
   * its fields are final, so a thread reading this one without synchronization sees either null or
   * a complete String; two threads racing may each make one, equal but not the same instance (the
   * idiom of {@code String.hashCode}).
   */
  private String name;

  private HeaderField(byte[] bytes, int offset, int length, int colon, int nameLength) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
    this.colon = colon;
    this.nameLength = nameLength;
  }

  /**
   * Creates a field from its raw bytes, which must end with CRLF. A line without a colon gives a
   * field with an empty name, which matches only the empty name (never a field name in {@code h=}
   * or a name dkim4j signs by default).
   *
   * @param raw the field bytes, copied
   * @return the field
   */
  public static HeaderField of(byte[] raw) {
    Objects.requireNonNull(raw, "raw");
    byte[] copy = raw.clone();
    return fromOwnedBytes(copy);
  }

  /**
   * Creates a field from text such as {@code "Subject: hello\r\n"} (UTF-8 encoded).
   *
   * @param text the whole field, terminating CRLF included
   * @return the field
   */
  public static HeaderField of(String text) {
    return fromOwnedBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  static HeaderField fromOwnedBytes(byte[] raw) {
    return over(raw, 0, raw.length);
  }

  /**
   * The field made of {@code length} bytes of {@code bytes} from {@code offset}, which it keeps and
   * reads from then on: the caller must not modify them.
   */
  static HeaderField over(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int colonAt = ByteSearch.indexOf(bytes, (byte) ':', offset, end);
    int nameEnd = colonAt < 0 ? offset : colonAt;
    while (nameEnd > offset && (bytes[nameEnd - 1] == ' ' || bytes[nameEnd - 1] == '\t')) {
      nameEnd--;
    }
    return new HeaderField(
        bytes, offset, length, colonAt < 0 ? -1 : colonAt - offset, nameEnd - offset);
  }

  /**
   * Returns the field name as written, without trailing whitespace before the colon. Each byte is
   * one character (ISO-8859-1), as names are compared: RFC 5322 names are printable ASCII, and a
   * byte outside it matches only itself. So {@code of("X-\u00e9: v\r\n").name()}, whose name is
   * UTF-8, is {@code "X-\u00c3\u00a9"}, of length 4.
   *
   * @return the name, or an empty string for a line without colon or with nothing but whitespace
   *     before it
   */
  public String name() {
    String result = name;
    if (result == null) {
      result = new String(bytes, offset, nameLength, StandardCharsets.ISO_8859_1);
      name = result;
    }
    return result;
  }

  /**
   * Returns the length of {@link #name()} without making the name: a caller choosing among names by
   * length (and then {@link #hasName}) compares no characters of the others.
   *
   * @return the number of bytes before the colon, whitespace directly before it excluded, which is
   *     the length of {@link #name()}; 0 for a line without colon or with nothing but whitespace
   *     before it
   */
  public int nameLength() {
    return nameLength;
  }

  /**
   * Returns true when this field's name equals {@code other}, ignoring ASCII case only.
   *
   * @param other a field name, e.g. {@code From}
   * @return {@code true} if the names are equal ignoring {@code A-Z} case
   */
  public boolean hasName(String other) {
    if (other.length() != nameLength) {
      return false;
    }
    for (int i = 0; i < nameLength; i++) {
      char c = (char) (bytes[offset + i] & 0xff);
      char o = other.charAt(i);
      if (c != o && Ascii.toLower(c) != Ascii.toLower(o)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns a copy of the raw bytes, including the terminating CRLF.
   *
   * @return a new copy of the bytes
   */
  public byte[] raw() {
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }

  /**
   * Copies the raw bytes, including the terminating CRLF, into {@code target}: {@link #raw()}
   * without a new array, for callers that gather many fields in one buffer.
   *
   * @param target receives the bytes
   * @param offset index in {@code target} of the first byte
   * @return the number of bytes copied, {@link #length()}
   * @throws IndexOutOfBoundsException if the field does not fit in {@code target} at {@code offset}
   */
  public int copyRaw(byte[] target, int offset) {
    Objects.checkFromIndexSize(offset, length, target.length);
    System.arraycopy(bytes, this.offset, target, offset, length);
    return length;
  }

  /**
   * Writes the field's canonical form into {@code target}, reading its bytes once: {@link #copyRaw}
   * then {@link HeaderCanonicalizer#canonicalizeInPlace} in one pass, for callers that gather many
   * canonical fields in one buffer. Simple canonicalization (RFC 6376 section 3.4.1) is the raw
   * bytes; relaxed (section 3.4.2) ends in CRLF, added to a field made without one.
   *
   * @param canonicalization {@link Canonicalization#SIMPLE} or {@link Canonicalization#RELAXED}
   * @param target receives the canonical form; needs room for {@link #length()} + 2 bytes
   * @param offset index in {@code target} of the first byte
   * @return the length of the canonical form
   * @throws IndexOutOfBoundsException if {@link #length()} + 2 bytes do not fit in {@code target}
   *     at {@code offset}
   * @throws IllegalArgumentException if {@code target} is the array the field reads its bytes from
   *     (a message read by {@link MessageReader#sharing}), which must not be modified
   */
  public int copyCanonical(Canonicalization canonicalization, byte[] target, int offset) {
    Objects.checkFromIndexSize(offset, length + 2, target.length);
    if (target == bytes) {
      throw new IllegalArgumentException("target is the array the field reads its bytes from");
    }
    if (canonicalization == Canonicalization.SIMPLE) {
      return copyRaw(target, offset);
    }
    int end = this.offset + length;
    if (length >= 2 && bytes[end - 2] == '\r' && bytes[end - 1] == '\n') {
      return HeaderCanonicalizer.canonicalize(
          canonicalization, bytes, this.offset, length, target, offset);
    }
    copyRaw(target, offset); // a field made without CRLF: one is added, then canonicalized
    target[offset + length] = '\r';
    target[offset + length + 1] = '\n';
    return HeaderCanonicalizer.canonicalizeInPlace(canonicalization, target, offset, length + 2);
  }

  /**
   * Returns the number of raw bytes, including the terminating CRLF.
   *
   * @return the length in bytes
   */
  public int length() {
    return length;
  }

  /**
   * Returns the raw field, terminating CRLF included, decoded as UTF-8 (lenient).
   *
   * @return the field as text
   */
  public String text() {
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  /**
   * Returns the field body: the text after the colon, folding kept, without the terminating CRLF,
   * decoded as UTF-8 (RFC 6532); empty for a field without colon.
   *
   * @return the field body, possibly empty
   */
  public String value() {
    if (colon < 0) {
      return "";
    }
    int end = length;
    if (end >= 2 && bytes[offset + end - 2] == '\r' && bytes[offset + end - 1] == '\n') {
      end -= 2;
    }
    return new String(
        bytes, offset + colon + 1, Math.max(0, end - colon - 1), StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeaderField other
        && Arrays.equals(
            bytes, offset, offset + length, other.bytes, other.offset, other.offset + other.length);
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + bytes[i];
    }
    return hash; // the value of Arrays.hashCode(raw())
  }

  @Override
  public String toString() {
    String text = text();
    return text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text;
  }
}
