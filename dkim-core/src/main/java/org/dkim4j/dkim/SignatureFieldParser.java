package org.dkim4j.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SignatureAlgorithm;
import org.dkim4j.internal.ByteSearch;

/**
 * Reads a DKIM-Signature field value (RFC 6376 section 3.5) straight from the bytes of the field,
 * for {@link DkimSignature#parse(org.dkim4j.message.HeaderField)}: one pass over the tag list
 * without a string per tag, {@code b=} and {@code bh=} decoded from the field's bytes.
 *
 * <p>It accepts only what is valid and written as signers write it: tags named by one lower-case
 * letter or {@code bh}, each once, and at most one tag of any other name; the common spellings of
 * {@code c=}; ASCII wherever a value is read. For anything else, including every error, it returns
 * {@code null} and leaves the field to {@link DkimSignature#parse(String)}, which then either gives
 * the same values or throws the error. So it changes no result and no message, only the time the
 * common case takes. The rules it checks are those of {@link DkimSignature}'s string path: a rule
 * added there must be added here too, or the field left to that path.
 */
final class SignatureFieldParser {

  /** Tag numbers: {@code a} to {@code z} are 0 to 25. */
  private static final int BH = 26;

  private static final int V = 'v' - 'a';
  private static final int A = 'a' - 'a';
  private static final int B = 'b' - 'a';
  private static final int C = 'c' - 'a';
  private static final int D = 'd' - 'a';
  private static final int H = 'h' - 'a';
  private static final int I = 'i' - 'a';
  private static final int L = 'l' - 'a';
  private static final int Q = 'q' - 'a';
  private static final int S = 's' - 'a';
  private static final int T = 't' - 'a';
  private static final int X = 'x' - 'a';

  /** The tags every signature has (section 3.5): v, a, b, bh, d, h, s. */
  private static final int REQUIRED = 1 << V | 1 << A | 1 << B | 1 << BH | 1 << D | 1 << H | 1 << S;

  private static final SignatureAlgorithm[] ALGORITHMS = SignatureAlgorithm.values();

  private final byte[] raw;

  /** Bit {@code n} is set once tag number {@code n} was seen. */
  private int seen;

  /** The value of each tag seen, by tag number: from, FWS around it excluded. */
  private final int[] from = new int[BH + 1];

  /** The value of each tag seen, by tag number: to, exclusive. */
  private final int[] to = new int[BH + 1];

  private SignatureFieldParser(byte[] raw) {
    this.raw = raw;
  }

  /**
   * Parses the field value from {@code valueFrom} to {@code valueTo} of {@code raw}, the whole
   * field, which the signature keeps (for {@link DkimSignature#tags()}): the caller must not modify
   * it.
   *
   * @return the signature, or {@code null} when the value is anything but the common case
   */
  static DkimSignature parse(byte[] raw, int valueFrom, int valueTo) {
    SignatureFieldParser parser = new SignatureFieldParser(raw);
    if (!parser.readTags(valueFrom, valueTo) || (parser.seen & REQUIRED) != REQUIRED) {
      return null;
    }
    return parser.signature(valueFrom, valueTo);
  }

  /**
   * Finds the value of each tag (section 3.2: {@code tag-spec *( ";" tag-spec ) [ ";" ]}, FWS
   * around names and values); false for a name that is not {@code ALPHA *(ALPHA / DIGIT / "_")}, a
   * name of one lower-case letter or {@code bh} twice, a second tag of any other name (the string
   * parser looks for its duplicates), an empty tag-spec before the end, or a tag-spec without
   * {@code =}.
   */
  private boolean readTags(int start, int end) {
    boolean otherSeen = false;
    int at = start;
    while (true) {
      at = skipFws(at, end);
      if (at == end) {
        return true; // an empty list, or after the trailing ";"
      }
      int nameStart = at;
      if (!isAlpha(raw[at])) {
        return false;
      }
      do {
        at++;
      } while (at < end && (isAlpha(raw[at]) || isDigit(raw[at]) || raw[at] == '_'));
      int tag = tagNumber(nameStart, at - nameStart);
      if (tag < 0) {
        if (otherSeen) {
          return false;
        }
        otherSeen = true;
      } else if ((seen & 1 << tag) != 0) {
        return false;
      }
      at = skipFws(at, end);
      if (at == end || raw[at] != '=') {
        return false;
      }
      int valueStart = skipFws(at + 1, end);
      int semicolon = ByteSearch.indexOf(raw, (byte) ';', valueStart, end);
      int specEnd = semicolon < 0 ? end : semicolon;
      if (tag >= 0) {
        seen |= 1 << tag;
        from[tag] = valueStart;
        to[tag] = trimFws(valueStart, specEnd);
      }
      if (semicolon < 0) {
        return true;
      }
      at = semicolon + 1;
    }
  }

  /** The number of the tag named by {@code length} bytes from {@code at}; -1 for another name. */
  private int tagNumber(int at, int length) {
    int first = raw[at];
    if (length == 1 && first >= 'a' && first <= 'z') {
      return first - 'a';
    }
    return length == 2 && first == 'b' && raw[at + 1] == 'h' ? BH : -1;
  }

  private static boolean isAlpha(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** The signature the tags found make, or {@code null} when one breaks a rule. */
  private DkimSignature signature(int valueFrom, int valueTo) {
    if (to[V] - from[V] != 1 || raw[from[V]] != '1') {
      return null;
    }
    SignatureAlgorithm algorithm = algorithm(from[A], to[A]);
    if (algorithm == null) {
      return null;
    }
    byte[] signature = TagValues.base64OrNull(raw, from[B], to[B]);
    byte[] bodyHash = TagValues.base64OrNull(raw, from[BH], to[BH]);
    if (signature == null || signature.length == 0 || bodyHash == null || bodyHash.length == 0) {
      return null;
    }
    Canonicalization[] canonicalization =
        has(C) ? DkimSignature.commonCanonicalization(latin1(C)) : DkimSignature.SIMPLE_SIMPLE;
    if (canonicalization == null) {
      return null;
    }
    String domain = latin1(D);
    String selector = latin1(S);
    if (!DomainNames.isValid(domain) || !DomainNames.isValid(selector)) {
      return null; // a byte above 0x7F is no label character either
    }
    List<String> signedHeaders = headerNames(from[H], to[H]);
    if (signedHeaders == null) {
      return null;
    }
    String identity = null;
    if (has(I)) {
      if (!isAscii(from[I], to[I])) {
        return null;
      }
      try {
        identity = DkimSignature.parseIdentity(latin1(I), domain);
      } catch (DkimSyntaxException e) {
        return null;
      }
    }
    long bodyLength = number(L, 18);
    long timestamp = number(T, 12);
    long expiration = number(X, 12);
    if (bodyLength == INVALID || timestamp == INVALID || expiration == INVALID) {
      return null;
    }
    if (timestamp >= 0 && expiration >= 0 && expiration < timestamp) {
      return null;
    }
    if (has(Q)
        && (!isAscii(from[Q], to[Q]) || !DkimSignature.includesDnsTxt(latin1(Q).split(":")))) {
      return null;
    }
    return new DkimSignature(
        raw,
        valueFrom,
        valueTo,
        algorithm,
        signature,
        bodyHash,
        canonicalization,
        domain,
        selector,
        signedHeaders,
        identity,
        bodyLength,
        timestamp,
        expiration);
  }

  private boolean has(int tag) {
    return (seen & 1 << tag) != 0;
  }

  /**
   * The value of {@code tag} as a string of its bytes, one character each (ISO-8859-1): the string
   * the string path has when they are ASCII, and one no rule accepts when they are not.
   */
  private String latin1(int tag) {
    return new String(raw, from[tag], to[tag] - from[tag], StandardCharsets.ISO_8859_1);
  }

  private boolean isAscii(int start, int end) {
    for (int k = start; k < end; k++) {
      if (raw[k] < 0) {
        return false;
      }
    }
    return true;
  }

  /** {@link SignatureAlgorithm#fromTagValue} on bytes: ASCII case-insensitive, no string made. */
  private SignatureAlgorithm algorithm(int start, int end) {
    for (SignatureAlgorithm algorithm : ALGORITHMS) {
      String name = algorithm.tagValue();
      if (name.length() == end - start && equalsIgnoreCase(name, start)) {
        return algorithm;
      }
    }
    return null;
  }

  private boolean equalsIgnoreCase(String name, int start) {
    for (int k = 0; k < name.length(); k++) {
      int b = raw[start + k];
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The names of {@code h=}, as {@link DkimSignature} splits them (printable ASCII but colon,
   * colons between, FWS around each), or {@code null} when one is empty or has another byte, or
   * when From is not among them.
   */
  private List<String> headerNames(int start, int end) {
    List<String> names = new ArrayList<>(16);
    boolean signsFrom = false;
    int at = start;
    while (true) {
      int nameFrom = skipFws(at, end);
      int nameTo = nameFrom;
      while (nameTo < end && DkimSignature.isFieldNameChar((char) (raw[nameTo] & 0xff))) {
        nameTo++;
      }
      int next = skipFws(nameTo, end);
      if (nameTo == nameFrom || (next < end && raw[next] != ':')) {
        return null;
      }
      names.add(new String(raw, nameFrom, nameTo - nameFrom, StandardCharsets.ISO_8859_1));
      signsFrom |= nameTo - nameFrom == 4 && equalsIgnoreCase("from", nameFrom);
      if (next == end) {
        return signsFrom ? Collections.unmodifiableList(names) : null;
      }
      at = next + 1;
    }
  }

  /** {@link #number} of a value that is not one. */
  private static final long INVALID = -2;

  /**
   * The decimal value of {@code tag}: -1 when absent, {@link #INVALID} when empty, longer than
   * {@code maxDigits} or not all digits. At most 18 digits always fit in a long.
   */
  private long number(int tag, int maxDigits) {
    if (!has(tag)) {
      return -1;
    }
    int start = from[tag];
    int end = to[tag];
    if (start == end || end - start > maxDigits) {
      return INVALID;
    }
    long value = 0;
    for (int k = start; k < end; k++) {
      int digit = raw[k] - '0';
      if (digit < 0 || digit > 9) {
        return INVALID;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private int skipFws(int at, int end) {
    while (at < end && TagValues.isFws((char) (raw[at] & 0xff))) {
      at++;
    }
    return at;
  }

  private int trimFws(int start, int end) {
    while (end > start && TagValues.isFws((char) (raw[end - 1] & 0xff))) {
      end--;
    }
    return end;
  }
}
