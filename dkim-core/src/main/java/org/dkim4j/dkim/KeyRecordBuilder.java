package org.dkim4j.dkim;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.dkim4j.crypto.KeyType;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.crypto.VerificationKey;

/**
 * Writes the DKIM public key record of a key (RFC 6376 section 3.6.1, RFC 8463 section 4): the TXT
 * record text, its split into DNS character-strings of at most 255 bytes (RFC 1035 section 3.3.14),
 * and a BIND zone-file line as {@code opendkim-genkey} writes it.
 *
 * <p>Use it on its own to re-publish the record of an existing key without generating a new one:
 *
 * <pre>{@code
 * String line = KeyRecordBuilder.forKey(SigningKey.fromFile(Path.of("2026a.private")))
 *     .zoneLine("2026a", "example.com");
 * // 2026a._domainkey.example.com.  IN  TXT  ( "v=DKIM1; k=rsa; " "p=MIIBIjAN..." )
 * }</pre>
 *
 * <p>Tags come in the order {@code v, k, h, s, t, n, p}; {@code p=} is last so that it can be split
 * without touching the others. A builder is not thread-safe; the strings it returns are plain text.
 */
public final class KeyRecordBuilder {

  /** The largest DNS character-string (RFC 1035 section 3.3). */
  public static final int MAX_CHARACTER_STRING = 255;

  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");

  private final KeyType type;
  private final byte[] publicKeyData;
  private boolean testing;
  private boolean strictIdentity;
  private List<String> hashAlgorithms = List.of();
  private List<String> serviceTypes = List.of();
  private String notes;

  private KeyRecordBuilder(KeyType type, byte[] publicKeyData) {
    this.type = Objects.requireNonNull(type, "type");
    this.publicKeyData = publicKeyData;
  }

  /**
   * Starts the record of a private key's public half.
   *
   * @param key the private key whose public half is published
   * @return a new builder
   */
  public static KeyRecordBuilder forKey(SigningKey key) {
    return new KeyRecordBuilder(key.type(), key.publicKeyData());
  }

  /**
   * Starts the record of a public key.
   *
   * @param key the public key to publish
   * @return a new builder
   */
  public static KeyRecordBuilder forKey(VerificationKey key) {
    return new KeyRecordBuilder(key.type(), key.recordData());
  }

  /**
   * Starts the record of a JDK public key (RSA, or Ed25519 from the JDK or Bouncy Castle).
   *
   * @param key the public key to publish
   * @return a new builder
   * @throws org.dkim4j.crypto.KeyFormatException for other key types
   */
  public static KeyRecordBuilder forPublicKey(PublicKey key) {
    return forKey(VerificationKey.of(key));
  }

  /**
   * Starts a revocation record: {@code p=} empty, which tells verifiers that signatures made with
   * the selector's key are no longer valid (RFC 6376 section 3.6.1).
   *
   * @param type the key type for {@code k=}
   * @return a new builder
   */
  public static KeyRecordBuilder revocation(KeyType type) {
    return new KeyRecordBuilder(type, new byte[0]);
  }

  /**
   * Sets {@code t=y}: the domain is testing DKIM and verifiers must not treat messages differently
   * because of the signature (RFC 6376 section 3.6.1). Default off.
   *
   * @param testing {@code true} to add {@code y} to {@code t=}
   * @return this builder
   */
  public KeyRecordBuilder testing(boolean testing) {
    this.testing = testing;
    return this;
  }

  /**
   * Sets {@code t=s}: the {@code i=} domain of signatures must equal {@code d=}, no subdomains (RFC
   * 6376 section 3.6.1). Default off.
   *
   * @param strict {@code true} to add {@code s} to {@code t=}
   * @return this builder
   */
  public KeyRecordBuilder strictIdentity(boolean strict) {
    this.strictIdentity = strict;
    return this;
  }

  /**
   * Sets {@code h=}, the hash algorithms the key may be used with, e.g. {@code "sha256"} (RFC 6376
   * section 3.6.1). Default: absent, which allows all. No names: absent again.
   *
   * @param names hash algorithm names
   * @return this builder
   * @throws IllegalArgumentException if a name is not a valid tag-list word
   */
  public KeyRecordBuilder hashAlgorithms(String... names) {
    this.hashAlgorithms = words(names, "hash algorithm", false);
    return this;
  }

  /**
   * Sets {@code s=}, the service types the key is for: {@code "email"} or {@code "*"} (RFC 6376
   * section 3.6.1). Default: absent, which means all. No names: absent again.
   *
   * @param names service types
   * @return this builder
   * @throws IllegalArgumentException if a name is neither a valid tag-list word nor {@code *}
   */
  public KeyRecordBuilder serviceTypes(String... names) {
    this.serviceTypes = words(names, "service type", true);
    return this;
  }

  /**
   * Sets {@code n=}, notes for administrators (RFC 6376 section 3.6.1). Characters other than
   * printable ASCII, and {@code ;}, {@code =} and spaces, are written as DKIM-Quoted-Printable
   * (section 2.11); {@code null} removes the notes.
   *
   * @param notes free text, or {@code null}
   * @return this builder
   */
  public KeyRecordBuilder notes(String notes) {
    this.notes = notes;
    return this;
  }

  private static List<String> words(String[] names, String what, boolean star) {
    List<String> list = new ArrayList<>();
    for (String name : names) {
      Objects.requireNonNull(name, what);
      if (!(WORD.matcher(name).matches() || (star && name.equals("*")))) {
        throw new IllegalArgumentException("invalid " + what + ": \"" + name + "\"");
      }
      list.add(name);
    }
    return List.copyOf(list);
  }

  /**
   * Returns the record text, e.g. {@code v=DKIM1; k=ed25519; p=11qYAYKx...}.
   *
   * @return the record as one string, ending with the {@code p=} tag
   */
  public String text() {
    return head() + "p=" + Base64.getEncoder().encodeToString(publicKeyData);
  }

  private String head() {
    StringBuilder text = new StringBuilder("v=DKIM1; k=").append(type.tagValue()).append("; ");
    if (!hashAlgorithms.isEmpty()) {
      text.append("h=").append(String.join(":", hashAlgorithms)).append("; ");
    }
    if (!serviceTypes.isEmpty()) {
      text.append("s=").append(String.join(":", serviceTypes)).append("; ");
    }
    if (testing || strictIdentity) {
      List<String> flags = new ArrayList<>();
      if (testing) {
        flags.add("y");
      }
      if (strictIdentity) {
        flags.add("s");
      }
      text.append("t=").append(String.join(":", flags)).append("; ");
    }
    if (notes != null) {
      text.append("n=").append(String.join("", DkimQuotedPrintable.encodeAtoms(notes)));
      text.append("; ");
    }
    return text.toString();
  }

  /**
   * Returns the record as DNS character-strings of at most {@value #MAX_CHARACTER_STRING} bytes,
   * which verifiers join back (RFC 6376 section 3.6.2.2). The tags before {@code p=} come first,
   * then {@code p=} with the key.
   *
   * @return an unmodifiable list of strings, each at most {@value #MAX_CHARACTER_STRING} characters
   */
  public List<String> characterStrings() {
    List<String> strings = new ArrayList<>();
    split(head(), strings);
    split("p=" + Base64.getEncoder().encodeToString(publicKeyData), strings);
    return List.copyOf(strings);
  }

  private static void split(String text, List<String> out) {
    // The text is ASCII (notes are quoted-printable), so characters are bytes.
    for (int i = 0; i < text.length(); i += MAX_CHARACTER_STRING) {
      out.add(text.substring(i, Math.min(text.length(), i + MAX_CHARACTER_STRING)));
    }
  }

  /**
   * Returns a BIND zone-file line (RFC 1035 section 5.1) publishing the record, in the form {@code
   * opendkim-genkey} writes:
   *
   * <pre>
   * SELECTOR._domainkey.DOMAIN.  IN  TXT  ( "v=DKIM1; k=rsa; "
   *     "p=..." )  ; DKIM key SELECTOR for DOMAIN
   * </pre>
   *
   * @param selector the selector
   * @param domain the signing domain, making the owner name absolute; or {@code null} for a name
   *     relative to the zone's origin ({@code SELECTOR._domainkey})
   * @return the line, ending in a newline
   */
  public String zoneLine(String selector, String domain) {
    Objects.requireNonNull(selector, "selector");
    if (!DomainNames.isValid(selector)) {
      throw new IllegalArgumentException("invalid selector: " + selector);
    }
    if (domain != null && !DomainNames.isValid(stripDot(domain))) {
      throw new IllegalArgumentException("invalid domain: " + domain);
    }
    String owner = selector + "._domainkey" + (domain == null ? "" : "." + stripDot(domain) + ".");
    StringBuilder line = new StringBuilder(owner).append("\tIN\tTXT\t( ");
    List<String> strings = characterStrings();
    for (int i = 0; i < strings.size(); i++) {
      if (i > 0) {
        line.append("\n\t  ");
      }
      line.append('"').append(quote(strings.get(i))).append('"');
    }
    line.append(" )  ; DKIM key ").append(selector);
    if (domain != null) {
      line.append(" for ").append(stripDot(domain));
    }
    return line.append('\n').toString();
  }

  private static String stripDot(String domain) {
    return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
  }

  private static String quote(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /**
   * Parses {@link #text()} back, e.g. to inspect it.
   *
   * @return the parsed record
   */
  public KeyRecord toKeyRecord() {
    return KeyRecord.parse(text());
  }

  @Override
  public String toString() {
    return "KeyRecordBuilder[" + type.tagValue() + (publicKeyData.length == 0 ? ", revoked]" : "]");
  }
}
