package org.dkim4j.dkim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dkim4j.crypto.KeyType;
import org.dkim4j.crypto.SignatureAlgorithm;
import org.dkim4j.message.Ascii;
import org.dkim4j.tag.TagList;
import org.dkim4j.tag.TagSyntaxException;

/**
 * A DKIM public key record, the TXT record at {@code selector._domainkey.domain} (RFC 6376 section
 * 3.6.1, RFC 8463 section 4). Immutable.
 */
public final class KeyRecord {

  private final TagList tags;
  private final KeyType keyType;
  private final String keyTypeName;
  private final List<String> hashAlgorithms;
  private final List<String> serviceTypes;
  private final List<String> flags;
  private final byte[] publicKeyData;

  private KeyRecord(TagList tags) {
    this.tags = tags;
    List<String> names = tags.names();
    String version = tags.getOrNull("v");
    if (version != null) {
      if (!"DKIM1".equals(version)) {
        throw new DkimSyntaxException("unsupported key record version v=" + version);
      }
      if (!names.get(0).equals("v")) {
        throw new DkimSyntaxException("v= is not the first tag of the key record");
      }
    }
    this.keyTypeName = TagValues.trimFws(tags.get("k").orElse("rsa"));
    if (Ascii.equalsIgnoreCase(keyTypeName, "rsa")) {
      keyType = KeyType.RSA;
    } else if (Ascii.equalsIgnoreCase(keyTypeName, "ed25519")) {
      keyType = KeyType.ED25519;
    } else {
      keyType = null;
    }
    this.hashAlgorithms = list(tags.getOrNull("h"));
    this.serviceTypes = tags.contains("s") ? list(tags.getOrNull("s")) : List.of("*");
    this.flags = list(tags.getOrNull("t"));
    String p = tags.getOrNull("p");
    if (p == null) {
      throw new DkimSyntaxException("key record has no p=");
    }
    this.publicKeyData = TagValues.base64("key record p=", p);
  }

  /**
   * Parses a key record.
   *
   * @param text the TXT record, its character-strings joined (RFC 6376 section 3.6.2.2)
   * @return the parsed record
   * @throws DkimSyntaxException when the record is not a valid tag list, has {@code v=} other than
   *     {@code DKIM1} or not first, lacks {@code p=}, or has invalid base64 in {@code p=}
   */
  public static KeyRecord parse(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return new KeyRecord(TagList.parse(text));
    } catch (TagSyntaxException e) {
      throw new DkimSyntaxException("invalid key record: " + e.getMessage());
    }
  }

  private static List<String> list(String value) {
    if (value == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : value.split(":")) {
      String trimmed = TagValues.trimFws(item);
      if (!trimmed.isEmpty()) {
        items.add(trimmed);
      }
    }
    return List.copyOf(items);
  }

  /**
   * Returns the key type of {@code k=} (default rsa), or empty for an unknown type.
   *
   * @return the key type, or empty when {@code k=} names a type dkim4j does not know
   */
  public Optional<KeyType> keyType() {
    return Optional.ofNullable(keyType);
  }

  /**
   * Returns {@code k=} as written (default {@code rsa}).
   *
   * @return the key type name, e.g. {@code rsa} or {@code ed25519}
   */
  public String keyTypeName() {
    return keyTypeName;
  }

  /**
   * Returns the hashes of {@code h=}; empty means all are allowed.
   *
   * @return an unmodifiable list of names such as {@code sha256}, possibly empty
   */
  public List<String> hashAlgorithms() {
    return hashAlgorithms;
  }

  /**
   * True when {@code h=} is absent or lists the algorithm's hash.
   *
   * @param algorithm the algorithm of a signature
   * @return {@code true} if the record allows that algorithm's hash
   */
  public boolean allowsHashOf(SignatureAlgorithm algorithm) {
    return hashAlgorithms.isEmpty() || containsIgnoreCase(hashAlgorithms, algorithm.hashName());
  }

  /**
   * Returns the service types of {@code s=} (default {@code *}).
   *
   * @return an unmodifiable list, {@code [*]} when {@code s=} is absent
   */
  public List<String> serviceTypes() {
    return serviceTypes;
  }

  /**
   * True when {@code s=} includes {@code email} or {@code *}.
   *
   * @return {@code true} if the key may sign email
   */
  public boolean allowsEmail() {
    return serviceTypes.contains("*") || containsIgnoreCase(serviceTypes, "email");
  }

  /**
   * Returns the flags of {@code t=}.
   *
   * @return an unmodifiable list of flags such as {@code y} or {@code s}, possibly empty
   */
  public List<String> flags() {
    return flags;
  }

  /**
   * True for {@code t=y}: the domain is testing DKIM (section 3.6.1).
   *
   * @return {@code true} if the flags include {@code y}
   */
  public boolean testing() {
    return containsIgnoreCase(flags, "y");
  }

  /**
   * True for {@code t=s}: the i= domain must equal d= exactly (section 3.6.1).
   *
   * @return {@code true} if the flags include {@code s}
   */
  public boolean strictIdentity() {
    return containsIgnoreCase(flags, "s");
  }

  /**
   * True when {@code p=} is empty: the key has been revoked (section 3.6.1).
   *
   * @return {@code true} if the key is revoked
   */
  public boolean revoked() {
    return publicKeyData.length == 0;
  }

  /**
   * Returns the decoded {@code p=}.
   *
   * @return a new copy of the bytes, empty for a revoked key
   */
  public byte[] publicKeyData() {
    return publicKeyData.clone();
  }

  /**
   * Returns {@code n=}, the notes, when present.
   *
   * @return the notes, still DKIM-Quoted-Printable encoded, or empty
   */
  public Optional<String> notes() {
    return tags.get("n");
  }

  /**
   * Returns all tags as written.
   *
   * @return the tag list, in record order
   */
  public TagList tags() {
    return tags;
  }

  @Override
  public String toString() {
    return "KeyRecord[k=" + keyTypeName + (revoked() ? ", revoked" : "") + "]";
  }

  /** A plain loop: the verifier asks these for every signature. */
  private static boolean containsIgnoreCase(List<String> values, String wanted) {
    for (String value : values) {
      if (Ascii.equalsIgnoreCase(value, wanted)) {
        return true;
      }
    }
    return false;
  }
}
