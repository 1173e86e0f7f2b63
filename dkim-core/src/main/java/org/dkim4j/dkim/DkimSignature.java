package org.dkim4j.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SignatureAlgorithm;
import org.dkim4j.internal.ByteSearch;
import org.dkim4j.message.Ascii;
import org.dkim4j.message.HeaderField;
import org.dkim4j.tag.TagList;
import org.dkim4j.tag.TagSyntaxException;

/**
 * A parsed DKIM-Signature header field (RFC 6376 section 3.5).
 *
 * <p>Parsing enforces the syntax rules of section 3.5 and 6.1.1: required tags, {@code v=1}, a
 * known {@code a=}, valid base64, {@code h=} including From, {@code i=} within {@code d=}, and
 * {@code x=} after {@code t=}. Whether the algorithm is acceptable (RFC 8301) is the verifier's
 * decision, not the parser's. Immutable.
 */
public final class DkimSignature {

  /** The tag list of a signature parsed from a string; {@code null} for one read from bytes. */
  private final TagList tags;

  /**
   * The tag list of a signature read from a field's bytes, made at the first {@link #tags()} from
   * the final {@link #field}. It needs no lock: a TagList's fields are final, so a thread sees
   * either null or a complete list, and two threads racing each make an equal one.
   */
  private TagList tagsMade;

  /**
   * The whole field a signature read by {@link #parse(HeaderField)} came from, its value from
   * {@link #valueFrom} to {@link #valueTo}; {@code null} for one parsed from a string.
   */
  private final byte[] field;

  private final int valueFrom;
  private final int valueTo;

  private final SignatureAlgorithm algorithm;
  private final byte[] signature;
  private final byte[] bodyHash;
  private final Canonicalization headerCanonicalization;
  private final Canonicalization bodyCanonicalization;
  private final String domain;
  private final String selector;
  private final List<String> signedHeaders;

  /**
   * The decoded {@code i=}, or {@code null} without one: {@link #identity()} is then {@code @d}.
   */
  private final String identity;

  private final Long bodyLength;
  private final Long timestamp;
  private final Long expiration;

  /**
   * Checks the rules of section 3.5 on the tags of a parsed list. {@link SignatureFieldParser}
   * accepts a subset of the same fields from bytes: a rule added here must be added there too, or
   * there the field must be left to this path.
   */
  private DkimSignature(TagList tags) {
    this.tags = tags;
    this.field = null;
    this.valueFrom = 0;
    this.valueTo = 0;
    String v = null;
    String a = null;
    String b = null;
    String bh = null;
    String c = null;
    String d = null;
    String h = null;
    String i = null;
    String l = null;
    String q = null;
    String s = null;
    String t = null;
    String x = null;
    for (int k = 0; k < tags.size(); k++) {
      String value = tags.value(k);
      switch (tags.name(k)) {
        case "v" -> v = value;
        case "a" -> a = value;
        case "b" -> b = value;
        case "bh" -> bh = value;
        case "c" -> c = value;
        case "d" -> d = value;
        case "h" -> h = value;
        case "i" -> i = value;
        case "l" -> l = value;
        case "q" -> q = value;
        case "s" -> s = value;
        case "t" -> t = value;
        case "x" -> x = value;
        default -> {
          // z= and unknown tags: kept in tags(), checked by nothing (section 3.2)
        }
      }
    }
    requireTag(v, "v");
    requireTag(a, "a");
    requireTag(b, "b");
    requireTag(bh, "bh");
    requireTag(d, "d");
    requireTag(h, "h");
    requireTag(s, "s");
    if (!"1".equals(v)) {
      throw new DkimSyntaxException("unsupported version v=" + v);
    }
    String algorithmName = a;
    this.algorithm =
        SignatureAlgorithm.fromTagValue(a)
            .orElseThrow(() -> new DkimSyntaxException("unknown algorithm a=" + algorithmName));
    this.signature = TagValues.base64("b=", b);
    if (signature.length == 0) {
      throw new DkimSyntaxException("empty signature b=");
    }
    this.bodyHash = TagValues.base64("bh=", bh);
    if (bodyHash.length == 0) {
      throw new DkimSyntaxException("empty body hash bh=");
    }
    Canonicalization[] pair = c == null ? SIMPLE_SIMPLE : commonCanonicalization(c);
    if (pair != null) {
      this.headerCanonicalization = pair[0];
      this.bodyCanonicalization = pair[1];
    } else {
      int slash = c.indexOf('/');
      if (slash >= 0 && c.indexOf('/', slash + 1) >= 0) {
        throw new DkimSyntaxException("invalid canonicalization c=" + c);
      }
      this.headerCanonicalization = canonicalization(c, slash < 0 ? c : c.substring(0, slash));
      this.bodyCanonicalization =
          slash < 0 ? Canonicalization.SIMPLE : canonicalization(c, c.substring(slash + 1));
    }
    this.domain = d;
    if (!DomainNames.isValid(domain)) {
      throw new DkimSyntaxException("invalid domain d=" + domain);
    }
    this.selector = s;
    if (!DomainNames.isValid(selector)) {
      throw new DkimSyntaxException("invalid selector s=" + selector);
    }
    this.signedHeaders = parseHeaderList(h);
    boolean signsFrom = false;
    for (int k = 0; k < signedHeaders.size() && !signsFrom; k++) {
      signsFrom = Ascii.equalsIgnoreCase(signedHeaders.get(k), "from");
    }
    if (!signsFrom) {
      throw new DkimSyntaxException("h= does not include From");
    }
    this.identity = i == null ? null : parseIdentity(i, domain);
    this.bodyLength = number("l", l, 76);
    this.timestamp = number("t", t, 12);
    this.expiration = number("x", x, 12);
    if (timestamp != null && expiration != null && expiration < timestamp) {
      throw new DkimSyntaxException("x= (" + expiration + ") is before t= (" + timestamp + ")");
    }
    if (q != null && !includesDnsTxt(q.split(":"))) {
      throw new DkimSyntaxException("q= does not include dns/txt");
    }
  }

  /**
   * A signature {@link SignatureFieldParser} read and checked, its value from {@code valueFrom} to
   * {@code valueTo} of {@code field}; -1 for an absent number.
   */
  DkimSignature(
      byte[] field,
      int valueFrom,
      int valueTo,
      SignatureAlgorithm algorithm,
      byte[] signature,
      byte[] bodyHash,
      Canonicalization[] canonicalization,
      String domain,
      String selector,
      List<String> signedHeaders,
      String identity,
      long bodyLength,
      long timestamp,
      long expiration) {
    this.tags = null;
    this.field = field;
    this.valueFrom = valueFrom;
    this.valueTo = valueTo;
    this.algorithm = algorithm;
    this.signature = signature;
    this.bodyHash = bodyHash;
    this.headerCanonicalization = canonicalization[0];
    this.bodyCanonicalization = canonicalization[1];
    this.domain = domain;
    this.selector = selector;
    this.signedHeaders = signedHeaders;
    this.identity = identity;
    this.bodyLength = bodyLength < 0 ? null : bodyLength;
    this.timestamp = timestamp < 0 ? null : timestamp;
    this.expiration = expiration < 0 ? null : expiration;
  }

  /** The pairs of {@code c=}, header then body: shared, never to be modified. */
  static final Canonicalization[] SIMPLE_SIMPLE = {
    Canonicalization.SIMPLE, Canonicalization.SIMPLE
  };

  private static final Canonicalization[] RELAXED_RELAXED = {
    Canonicalization.RELAXED, Canonicalization.RELAXED
  };
  private static final Canonicalization[] RELAXED_SIMPLE = {
    Canonicalization.RELAXED, Canonicalization.SIMPLE
  };
  private static final Canonicalization[] SIMPLE_RELAXED = {
    Canonicalization.SIMPLE, Canonicalization.RELAXED
  };

  /**
   * The pair for {@code c=} written as nearly every signer writes it, in lower case without
   * whitespace; {@code null} for any other spelling, which the general parser reads.
   */
  static Canonicalization[] commonCanonicalization(String c) {
    return switch (c) {
      case "relaxed/relaxed" -> RELAXED_RELAXED;
      case "relaxed/simple", "relaxed" -> RELAXED_SIMPLE;
      case "simple/simple", "simple" -> SIMPLE_SIMPLE;
      case "simple/relaxed" -> SIMPLE_RELAXED;
      default -> null;
    };
  }

  private static void requireTag(String value, String name) {
    if (value == null) {
      throw new DkimSyntaxException("missing required tag " + name + "=");
    }
  }

  /**
   * Parses the value of a DKIM-Signature field (the text after the colon, folding allowed).
   *
   * @param fieldValue the field body, without the name and colon
   * @return the parsed signature
   * @throws DkimSyntaxException when the field breaks a rule of RFC 6376 section 3.5
   */
  public static DkimSignature parse(String fieldValue) {
    Objects.requireNonNull(fieldValue, "fieldValue");
    TagList tags;
    try {
      tags = TagList.parse(fieldValue);
    } catch (TagSyntaxException e) {
      throw new DkimSyntaxException("invalid tag list: " + e.getMessage());
    }
    return new DkimSignature(tags);
  }

  /**
   * Parses the value of a DKIM-Signature field read from a message: the same signature, or the same
   * error, as {@link #parse(String) parse(field.value())}, reading the field's bytes once in the
   * common case. The field's name is not checked.
   *
   * @param field a DKIM-Signature header field
   * @return the parsed signature
   * @throws DkimSyntaxException when the field value breaks a rule of RFC 6376 section 3.5
   */
  public static DkimSignature parse(HeaderField field) {
    Objects.requireNonNull(field, "field");
    byte[] raw = field.raw(); // a copy: the field may be a range of a message that changes
    int colon = ByteSearch.indexOf(raw, (byte) ':', 0, raw.length);
    int end = raw.length;
    if (end >= 2 && raw[end - 2] == '\r' && raw[end - 1] == '\n') {
      end -= 2;
    }
    if (colon < 0) {
      return parse("");
    }
    if (colon < end) {
      DkimSignature signature = SignatureFieldParser.parse(raw, colon + 1, end);
      if (signature != null) {
        return signature;
      }
    }
    // The value as field.value() decodes it, from the copy already read.
    return parse(new String(raw, colon + 1, Math.max(0, end - colon - 1), StandardCharsets.UTF_8));
  }

  /** One half of {@code c=}, folding whitespace around it allowed (section 3.5). */
  private static Canonicalization canonicalization(String tagValue, String half) {
    try {
      return Canonicalization.parse(TagValues.trimFws(half));
    } catch (IllegalArgumentException e) {
      throw new DkimSyntaxException("invalid canonicalization c=" + tagValue);
    }
  }

  /**
   * Splits {@code h=} into field names (section 3.5: {@code hdr-name *( [FWS] ":" [FWS] hdr-name
   * )}), in one pass over the value: each name is the printable characters but colon (RFC 5322
   * section 3.6.8's ftext) between colons, with SP, HTAB, CR and LF around it allowed (FWS as every
   * tag value is read, {@link TagValues#isFws}).
   */
  private static List<String> parseHeaderList(String value) {
    List<String> names = new ArrayList<>(16);
    int length = value.length();
    int start = 0;
    while (true) {
      int from = start;
      while (from < length && TagValues.isFws(value.charAt(from))) {
        from++;
      }
      int to = from;
      while (to < length && isFieldNameChar(value.charAt(to))) {
        to++;
      }
      int end = to;
      while (end < length && TagValues.isFws(value.charAt(end))) {
        end++;
      }
      if (to == from || (end < length && value.charAt(end) != ':')) {
        throw invalidHeaderName(value, start);
      }
      names.add(value.substring(from, to));
      if (end == length) {
        return Collections.unmodifiableList(names);
      }
      start = end + 1;
    }
  }

  static boolean isFieldNameChar(char c) {
    return c >= 33 && c <= 126 && c != ':';
  }

  /** The error for the name of {@code h=} that starts at {@code start}, as written, FWS trimmed. */
  private static DkimSyntaxException invalidHeaderName(String value, int start) {
    int colon = value.indexOf(':', start);
    String name = TagValues.trimFws(value.substring(start, colon < 0 ? value.length() : colon));
    return new DkimSyntaxException("invalid header name \"" + name + "\" in h=");
  }

  static String parseIdentity(String raw, String domain) {
    String value = DkimQuotedPrintable.decode("i=", raw); // section 3.5: i= is quoted-printable
    int at = value.lastIndexOf('@');
    if (at < 0) {
      throw new DkimSyntaxException("i=" + value + " has no @");
    }
    String identityDomain = value.substring(at + 1);
    if (!DomainNames.isValid(identityDomain)) {
      throw new DkimSyntaxException("invalid domain in i=" + value);
    }
    if (!DomainNames.isWithin(identityDomain, domain)) {
      throw new DkimSyntaxException("i= domain " + identityDomain + " is not within d=" + domain);
    }
    return value;
  }

  private static Long number(String tag, String value, int maxDigits) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty() || value.length() > maxDigits) {
      throw new DkimSyntaxException("invalid " + tag + "=" + value);
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        throw new DkimSyntaxException("invalid " + tag + "=" + value);
      }
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new DkimSyntaxException(tag + "=" + value + " is too large");
    }
  }

  /** True when the query methods of {@code q=} include {@code dns/txt} (section 3.5). */
  static boolean includesDnsTxt(String[] methods) {
    for (String method : methods) {
      if (Ascii.equalsIgnoreCase(TagValues.trimFws(method), "dns/txt")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns all tags as written.
   *
   * @return the tag list, in field order
   */
  public TagList tags() {
    if (tags != null) {
      return tags;
    }
    TagList result = tagsMade;
    if (result == null) {
      result =
          TagList.parse(new String(field, valueFrom, valueTo - valueFrom, StandardCharsets.UTF_8));
      tagsMade = result;
    }
    return result;
  }

  /**
   * Returns {@code a=}.
   *
   * @return the signature algorithm
   */
  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * Returns the decoded {@code b=}.
   *
   * @return a new copy of the signature bytes
   */
  public byte[] signature() {
    return signature.clone();
  }

  /** {@link #signature()} without the copy, for the verifier, which only reads it. */
  byte[] signatureBytes() {
    return signature;
  }

  /**
   * Returns {@code b=} as written, whitespace removed.
   *
   * @return the base64 text of the signature
   */
  public String signatureBase64() {
    return Base64.getEncoder().encodeToString(signature);
  }

  /**
   * The first eight characters of {@code b=}, whitespace removed, as {@code header.b} of
   * Authentication-Results shows them (RFC 6008 section 4): encodes only the six bytes they stand
   * for.
   */
  String signaturePrefix() {
    String encoded =
        Base64.getEncoder().encodeToString(Arrays.copyOf(signature, Math.min(6, signature.length)));
    return encoded.substring(0, Math.min(8, encoded.length()));
  }

  /**
   * Returns the decoded {@code bh=}.
   *
   * @return a new copy of the body hash bytes
   */
  public byte[] bodyHash() {
    return bodyHash.clone();
  }

  /**
   * Returns the header canonicalization of {@code c=} (default simple).
   *
   * @return {@link Canonicalization#SIMPLE} or {@link Canonicalization#RELAXED}
   */
  public Canonicalization headerCanonicalization() {
    return headerCanonicalization;
  }

  /**
   * Returns the body canonicalization of {@code c=} (default simple).
   *
   * @return {@link Canonicalization#SIMPLE} or {@link Canonicalization#RELAXED}
   */
  public Canonicalization bodyCanonicalization() {
    return bodyCanonicalization;
  }

  /**
   * Returns {@code d=}, the signing domain.
   *
   * @return the domain as written
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns {@code s=}, the selector.
   *
   * @return the selector as written
   */
  public String selector() {
    return selector;
  }

  /**
   * Returns the names in {@code h=}, in order, as written.
   *
   * @return an unmodifiable list, never empty (it always includes From)
   */
  public List<String> signedHeaders() {
    return signedHeaders;
  }

  /**
   * Returns {@code i=}, or {@code @d} when absent (section 3.5).
   *
   * @return the agent or user identifier, e.g. {@code user@example.com} or {@code @example.com}
   */
  public String identity() {
    return identity != null ? identity : "@" + domain;
  }

  /**
   * Returns the domain part of the identity.
   *
   * @return the text after the last {@code @} of the identity
   */
  public String identityDomain() {
    return identity != null ? identity.substring(identity.lastIndexOf('@') + 1) : domain;
  }

  /**
   * Returns {@code l=}, the number of canonical body bytes signed, when present.
   *
   * @return the body length limit, or empty when the whole body is signed
   */
  public OptionalLong bodyLength() {
    return bodyLength == null ? OptionalLong.empty() : OptionalLong.of(bodyLength);
  }

  /**
   * Returns {@code t=}, the signing time in seconds since the epoch, when present.
   *
   * @return the signing time, or empty
   */
  public OptionalLong timestamp() {
    return timestamp == null ? OptionalLong.empty() : OptionalLong.of(timestamp);
  }

  /**
   * Returns {@code x=}, the expiry time in seconds since the epoch, when present.
   *
   * @return the expiry time, or empty
   */
  public OptionalLong expiration() {
    return expiration == null ? OptionalLong.empty() : OptionalLong.of(expiration);
  }

  /**
   * Returns {@code z=}, the copied header fields as written, when present.
   *
   * @return the {@code z=} value, still DKIM-Quoted-Printable encoded, or empty
   */
  public Optional<String> copiedHeaders() {
    return tags().get("z");
  }

  @Override
  public String toString() {
    return "DkimSignature[d="
        + domain
        + ", s="
        + selector
        + ", a="
        + algorithm.tagValue()
        + ", b="
        + signaturePrefix()
        + "]";
  }
}
