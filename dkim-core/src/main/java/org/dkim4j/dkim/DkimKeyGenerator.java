package org.dkim4j.dkim;

import java.security.SecureRandom;
import java.util.Objects;
import org.dkim4j.crypto.DkimKeyPair;
import org.dkim4j.crypto.KeyType;

/**
 * Generates a DKIM key and its DNS record, like {@code opendkim-genkey}: an RSA key of 1024, 2048
 * (default), 3072 or 4096 bits (RFC 6376 section 3.3.3, RFC 8301 section 3.2) or an Ed25519 key
 * (RFC 8463), with the key record of RFC 6376 section 3.6.1.
 *
 * <pre>{@code
 * GeneratedDkimKey key = DkimKeyGenerator.builder()
 *     .selector("2026a").domain("example.com")
 *     .ed25519()
 *     .build()
 *     .generate();
 * key.writeFiles(Path.of("/etc/dkim"));   // 2026a.private (mode 0600) and 2026a.txt
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@link #generate()} makes a new key.
 */
public final class DkimKeyGenerator {

  private final String selector;
  private final String domain;
  private final KeyType type;
  private final int bits;
  private final boolean testing;
  private final boolean strictIdentity;
  private final String[] hashAlgorithms;
  private final String[] serviceTypes;
  private final String notes;
  private final SecureRandom random;

  private DkimKeyGenerator(Builder b) {
    this.selector = b.selector;
    this.domain = b.domain;
    this.type = b.type;
    this.bits = b.bits;
    this.testing = b.testing;
    this.strictIdentity = b.strictIdentity;
    this.hashAlgorithms = b.hashAlgorithms.clone();
    this.serviceTypes = b.serviceTypes.clone();
    this.notes = b.notes;
    this.random = b.random;
  }

  /**
   * Returns a builder; {@link Builder#selector(String)} is required.
   *
   * @return a new builder for an RSA-2048 key without optional tags
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Generates a new key pair and its record.
   *
   * @return the key, its record and its zone line; a new key on every call
   */
  public GeneratedDkimKey generate() {
    DkimKeyPair pair =
        DkimKeyPair.generate(
            type, type == KeyType.RSA ? bits : 256, random != null ? random : new SecureRandom());
    return new GeneratedDkimKey(selector, domain, pair, record(pair));
  }

  private KeyRecordBuilder record(DkimKeyPair pair) {
    return KeyRecordBuilder.forKey(pair.signingKey())
        .testing(testing)
        .strictIdentity(strictIdentity)
        .hashAlgorithms(hashAlgorithms)
        .serviceTypes(serviceTypes)
        .notes(notes);
  }

  @Override
  public String toString() {
    return "DkimKeyGenerator["
        + selector
        + (domain == null ? "" : " " + domain)
        + " "
        + (type == KeyType.RSA ? "RSA-" + bits : "Ed25519")
        + "]";
  }

  /** Settings for a {@link DkimKeyGenerator}. Default: RSA-2048, no optional tags. */
  public static final class Builder {
    private String selector;
    private String domain;
    private KeyType type = KeyType.RSA;
    private int bits = DkimKeyPair.DEFAULT_RSA_BITS;
    private boolean testing;
    private boolean strictIdentity;
    private String[] hashAlgorithms = new String[0];
    private String[] serviceTypes = new String[0];
    private String notes;
    private SecureRandom random;

    private Builder() {}

    /**
     * Sets the selector (required); it names the files and the record.
     *
     * @param selector a valid DNS label sequence, e.g. {@code 2026a}
     * @return this builder
     * @throws IllegalArgumentException if {@code selector} is not a valid domain name
     */
    public Builder selector(String selector) {
      if (!DomainNames.isValid(Objects.requireNonNull(selector, "selector"))) {
        throw new IllegalArgumentException("invalid selector: " + selector);
      }
      this.selector = selector;
      return this;
    }

    /**
     * Sets the signing domain. With it the zone line's owner name is absolute ({@code
     * sel._domainkey.example.com.}); without it, relative to the zone ({@code sel._domainkey}).
     *
     * @param domain e.g. {@code example.com}; a trailing dot is dropped
     * @return this builder
     * @throws IllegalArgumentException if {@code domain} is not a valid domain name
     */
    public Builder domain(String domain) {
      String name = Objects.requireNonNull(domain, "domain");
      name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
      if (!DomainNames.isValid(name)) {
        throw new IllegalArgumentException("invalid domain: " + domain);
      }
      this.domain = name;
      return this;
    }

    /**
     * Generates an RSA key of {@code bits}: 1024, 2048, 3072 or 4096. RFC 8301 section 3.2 requires
     * at least 1024 and recommends at least 2048.
     *
     * @param bits the RSA modulus length in bits
     * @return this builder
     * @throws IllegalArgumentException for any other size
     */
    public Builder rsa(int bits) {
      if (!DkimKeyPair.RSA_SIZES.contains(bits)) {
        throw new IllegalArgumentException(
            "RSA keys can be generated with 1024, 2048, 3072 or 4096 bits, not " + bits);
      }
      this.type = KeyType.RSA;
      this.bits = bits;
      return this;
    }

    /**
     * Generates an Ed25519 key (RFC 8463).
     *
     * @return this builder
     */
    public Builder ed25519() {
      this.type = KeyType.ED25519;
      return this;
    }

    /**
     * Generates a key of {@code type}: RSA of the size set by {@link #rsa(int)}, or Ed25519.
     *
     * @param type {@link KeyType#RSA} or {@link KeyType#ED25519}
     * @return this builder
     */
    public Builder keyType(KeyType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Adds {@code t=y} to the record: testing mode (RFC 6376 section 3.6.1).
     *
     * @param testing {@code true} to add {@code t=y}; default {@code false}
     * @return this builder
     */
    public Builder testing(boolean testing) {
      this.testing = testing;
      return this;
    }

    /**
     * Adds {@code t=s} to the record: no subdomains in {@code i=} (RFC 6376 section 3.6.1).
     *
     * @param strict {@code true} to add {@code t=s}; default {@code false}
     * @return this builder
     */
    public Builder strictIdentity(boolean strict) {
      this.strictIdentity = strict;
      return this;
    }

    /**
     * Sets {@code h=}, e.g. {@code "sha256"} (RFC 6376 section 3.6.1). Default: absent.
     *
     * @param names hash algorithm names; none leaves {@code h=} out
     * @return this builder
     * @throws IllegalArgumentException if a name is not a valid tag-list word
     */
    public Builder hashAlgorithms(String... names) {
      KeyRecordBuilder.revocation(KeyType.RSA).hashAlgorithms(names); // validates
      this.hashAlgorithms = names.clone();
      return this;
    }

    /**
     * Sets {@code s=}, e.g. {@code "email"} (RFC 6376 section 3.6.1). Default: absent.
     *
     * @param names service types, {@code email} or {@code *}; none leaves {@code s=} out
     * @return this builder
     * @throws IllegalArgumentException if a name is neither a valid tag-list word nor {@code *}
     */
    public Builder serviceTypes(String... names) {
      KeyRecordBuilder.revocation(KeyType.RSA).serviceTypes(names); // validates
      this.serviceTypes = names.clone();
      return this;
    }

    /**
     * Sets {@code n=}, notes for administrators (RFC 6376 section 3.6.1). Default: absent.
     *
     * @param notes free text, quoted-printable encoded where needed; {@code null} leaves {@code n=}
     *     out
     * @return this builder
     */
    public Builder notes(String notes) {
      this.notes = notes;
      return this;
    }

    /**
     * Sets the randomness source (default: a new {@link SecureRandom} per key).
     *
     * @param random the source for every key this generator makes
     * @return this builder
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Returns the generator.
     *
     * @return an immutable generator
     * @throws IllegalStateException when no selector was set
     */
    public DkimKeyGenerator build() {
      if (selector == null) {
        throw new IllegalStateException("a DkimKeyGenerator needs selector(...)");
      }
      return new DkimKeyGenerator(this);
    }
  }
}
