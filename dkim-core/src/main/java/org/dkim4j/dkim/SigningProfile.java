package org.dkim4j.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SignatureAlgorithm;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.message.Ascii;
import org.dkim4j.message.HeaderField;

/** The settings of one signature and the signing steps of RFC 6376 section 5. */
record SigningProfile(
    String domain,
    String selector,
    SigningKey key,
    Canonicalization headerCanonicalization,
    Canonicalization bodyCanonicalization,
    List<String> signedHeaders,
    List<String> oversignedHeaders,
    String identity,
    boolean timestamp,
    Duration expiration,
    boolean bodyLength,
    boolean copyHeaders,
    Clock clock) {

  /** RFC 6376 section 5.4.1, plus the MIME fields, Message-ID and RFC 8058's field. */
  static final List<String> DEFAULT_HEADERS =
      List.of(
          "from",
          "reply-to",
          "subject",
          "date",
          "to",
          "cc",
          "resent-date",
          "resent-from",
          "resent-sender",
          "resent-to",
          "resent-cc",
          "in-reply-to",
          "references",
          "list-id",
          "list-help",
          "list-unsubscribe",
          "list-unsubscribe-post",
          "list-subscribe",
          "list-post",
          "list-owner",
          "list-archive",
          "message-id",
          "mime-version",
          "content-type",
          "content-transfer-encoding");

  /** The index of From in {@link #DEFAULT_HEADERS}. */
  private static final int FROM = DEFAULT_HEADERS.indexOf("from");

  /** Indexes of {@link #DEFAULT_HEADERS} by name length: a field is compared with few names. */
  private static final int[][] DEFAULTS_BY_LENGTH = byLength(DEFAULT_HEADERS);

  private static int[][] byLength(List<String> names) {
    int longest = 0;
    for (String name : names) {
      longest = Math.max(longest, name.length());
    }
    int[][] table = new int[longest + 1][0];
    for (int index = 0; index < names.size(); index++) {
      int length = names.get(index).length();
      table[length] = Arrays.copyOf(table[length], table[length].length + 1);
      table[length][table[length].length - 1] = index;
    }
    return table;
  }

  /** Returns the DKIM-Signature field, with its terminating CRLF. */
  String sign(List<HeaderField> fields, BodyHasher bodyHasher) {
    SignatureAlgorithm algorithm = key.algorithm();
    Selection selection = select(fields);
    List<String> names = selection.names();
    SignatureFieldWriter writer = new SignatureFieldWriter();
    writer.tag("v", "1");
    writer.tag("a", algorithm.tagValue());
    writer.tag("c", canonicalizationTagValue());
    writer.tag("d", domain);
    writer.tag("s", selector);
    if (timestamp || expiration != null) {
      long now = Math.floorDiv(clock.millis(), 1000);
      if (timestamp) {
        writer.tag("t", Long.toString(now));
      }
      if (expiration != null) {
        writer.tag("x", Long.toString(now + expiration.getSeconds()));
      }
    }
    if (bodyLength) {
      writer.tag("l", Long.toString(bodyHasher.canonicalLength()));
    }
    if (identity != null) {
      List<String> atoms = new ArrayList<>();
      atoms.add("i=");
      atoms.addAll(DkimQuotedPrintable.encodeAtoms(identity));
      writer.atoms(List.of(String.join("", atoms)));
    }
    writer.headerList(names);
    writer.base64("bh", bodyHasher.hash(), true);
    if (copyHeaders) {
      writer.atoms(copiedHeaderAtoms(fields, names));
    }
    writer.newLine();
    writer.startTag("b");
    String unsigned = writer.text();
    MessageDigest digest = algorithm.newDigest();
    byte[] unsignedBytes = unsigned.getBytes(StandardCharsets.UTF_8);
    HeaderHash.update(
        digest, headerCanonicalization, selection.fields(), unsignedBytes, unsignedBytes.length);
    byte[] signature;
    try {
      signature = key.sign(digest.digest());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new DkimSigningException(
          "signing with " + key + " for d=" + domain + " s=" + selector + " failed", e);
    }
    writer.appendBase64(signature);
    writer.endField();
    return writer.text();
  }

  /** The value of {@code c=}, e.g. {@code relaxed/relaxed}. */
  private String canonicalizationTagValue() {
    boolean relaxedHeader = headerCanonicalization == Canonicalization.RELAXED;
    if (bodyCanonicalization == Canonicalization.RELAXED) {
      return relaxedHeader ? "relaxed/relaxed" : "simple/relaxed";
    }
    return relaxedHeader ? "relaxed/simple" : "simple/simple";
  }

  /**
   * The names for {@code h=} and the fields they sign, in the order of {@code h=}: the array ends
   * at its first {@code null} or its end (as {@link HeaderHash#choose} returns it).
   */
  record Selection(List<String> names, HeaderField[] fields) {}

  /**
   * Returns the names for {@code h=} and the fields they sign: the names configured, or the default
   * names the message has, each as often as it has it; then the oversigned names, and From if h=
   * lacks it. The default names' fields are found in the pass that finds the names: each name lists
   * its fields bottom-up (section 5.4.2), and an oversigned default name or a From the message
   * lacks signs no field. Configured names, or an oversigned name outside the defaults, which signs
   * the fields it names, have {@link HeaderHash#choose} pick the fields.
   */
  Selection select(List<HeaderField> fields) {
    if (signedHeaders != null) {
      List<String> names = new ArrayList<>(signedHeaders.size() + oversignedHeaders.size() + 1);
      names.addAll(signedHeaders);
      addOversignedAndFrom(names, fields);
      return new Selection(names, HeaderHash.choose(fields, names));
    }
    int size = fields.size();
    int[] bottom = new int[DEFAULT_HEADERS.size()]; // 1 + the lowest field of each name; 0: none
    int[] above = new int[size]; // 1 + the next field up of the same name; 0: none
    int present = 0;
    for (int i = 0; i < size; i++) {
      int index = defaultIndex(fields.get(i));
      if (index >= 0) {
        above[i] = bottom[index];
        bottom[index] = i + 1;
        present++;
      }
    }
    List<String> names = new ArrayList<>(present + oversignedHeaders.size() + 1);
    HeaderField[] chosen = new HeaderField[present];
    for (int index = 0; index < bottom.length; index++) {
      for (int i = bottom[index]; i != 0; i = above[i - 1]) {
        names.add(DEFAULT_HEADERS.get(index));
        chosen[names.size() - 1] = fields.get(i - 1);
      }
    }
    if (!oversignsDefaultsOnly()) {
      addOversignedAndFrom(names, fields);
      return new Selection(names, HeaderHash.choose(fields, names));
    }
    // The names list each default name as often as the message has it: oversigning adds it once.
    boolean from = bottom[FROM] != 0;
    for (int k = 0; k < oversignedHeaders.size(); k++) {
      int index = defaultIndex(oversignedHeaders.get(k));
      if (!oversignedBefore(index, k)) {
        names.add(DEFAULT_HEADERS.get(index));
        from |= index == FROM;
      }
    }
    if (!from) {
      names.add("from"); // h= must include From even when the message has none (section 5.4)
    }
    return new Selection(names, chosen);
  }

  private boolean oversignsDefaultsOnly() {
    for (int i = 0; i < oversignedHeaders.size(); i++) {
      if (defaultIndex(oversignedHeaders.get(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** True when an oversigned name before the {@code k}th is the default name at {@code index}. */
  private boolean oversignedBefore(int index, int k) {
    for (int i = 0; i < k; i++) {
      if (defaultIndex(oversignedHeaders.get(i)) == index) {
        return true;
      }
    }
    return false;
  }

  /** The index of {@code name} in {@link #DEFAULT_HEADERS}, ignoring ASCII case, or -1. */
  private static int defaultIndex(String name) {
    int length = name.length();
    if (length >= DEFAULTS_BY_LENGTH.length) {
      return -1;
    }
    for (int index : DEFAULTS_BY_LENGTH[length]) {
      if (Ascii.equalsIgnoreCase(DEFAULT_HEADERS.get(index), name)) {
        return index;
      }
    }
    return -1;
  }

  /** Adds each oversigned name once more than the message has it, and From if h= lacks it. */
  private void addOversignedAndFrom(List<String> names, List<HeaderField> fields) {
    for (String name : oversignedHeaders) {
      int present = TagValues.count(fields, name);
      for (int i = count(names, name); i <= present; i++) {
        names.add(Ascii.toLowerCase(name));
      }
    }
    if (count(names, "from") == 0) {
      names.add("from"); // h= must include From even when the message has none (section 5.4)
    }
  }

  /** The index of the field's name in {@link #DEFAULT_HEADERS}, ignoring ASCII case; or -1. */
  private static int defaultIndex(HeaderField field) {
    int length = field.nameLength();
    if (length == 0 || length >= DEFAULTS_BY_LENGTH.length) {
      return -1;
    }
    for (int index : DEFAULTS_BY_LENGTH[length]) {
      if (field.hasName(DEFAULT_HEADERS.get(index))) {
        return index;
      }
    }
    return -1;
  }

  /** How many of {@code names} equal {@code name}, ignoring ASCII case. */
  private static int count(List<String> names, String name) {
    int n = 0;
    for (int i = 0; i < names.size(); i++) {
      if (Ascii.equalsIgnoreCase(names.get(i), name)) {
        n++;
      }
    }
    return n;
  }

  private static List<String> copiedHeaderAtoms(List<HeaderField> fields, List<String> names) {
    List<String> atoms = new ArrayList<>();
    atoms.add("z=");
    boolean first = true;
    for (HeaderField field : fields) {
      boolean signed = names.stream().anyMatch(field::hasName);
      if (!signed) {
        continue;
      }
      if (!first) {
        atoms.add("|");
      }
      first = false;
      byte[] raw = field.raw();
      int length = raw.length >= 2 && raw[raw.length - 2] == '\r' ? raw.length - 2 : raw.length;
      byte[] content = java.util.Arrays.copyOf(raw, length);
      atoms.addAll(DkimQuotedPrintable.encodeAtoms(content));
    }
    // Join the first atom with "z=" so the tag name never stands alone at a line end.
    if (atoms.size() > 1) {
      atoms.set(1, atoms.get(0) + atoms.get(1));
      atoms.remove(0);
    }
    return atoms;
  }

  @Override
  public String toString() {
    return "d=" + domain + " s=" + selector + " " + key.algorithm().tagValue();
  }
}
