package org.dkim4j.jakarta;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.IDN;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.dkim4j.dkim.DkimSigner;

/**
 * Chooses the {@link DkimSigner} for a message from its sender, like OpenDKIM's {@code
 * SigningTable} (with {@code KeyTable}) and rspamd's {@code dkim_signing} module: each entry maps
 * an address, a domain or the subdomains of a domain to a signer, and a signer stands for a {@code
 * KeyTable} line (domain, selector, key; or several, combined with {@link DkimSigner#and}).
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()} and share it.
 *
 * <pre>{@code
 * SigningTable table = SigningTable.builder()
 *     .address("ceo@example.com", ceoSigner)        // OpenDKIM: ceo@example.com
 *     .domain("example.com", exampleSigner)         // OpenDKIM: *@example.com
 *     .subdomains("example.com", exampleSigner)     // OpenDKIM: *@*.example.com
 *     .domain("example.org", rsaSigner.and(ed25519Signer))
 *     .build();
 * }</pre>
 *
 * <p>For each {@linkplain Builder#addressSources address source} in turn (by default only the
 * header From, the identity DMARC aligns with, RFC 7489 section 3.1), the first address of that
 * source is looked up, most specific entry first:
 *
 * <ol>
 *   <li>the exact address (ASCII case-insensitive);
 *   <li>the exact domain;
 *   <li>a {@linkplain Builder#subdomains subdomains} entry of the closest parent domain;
 *   <li>with {@linkplain Builder#organizationalDomain an organizational-domain function}, the
 *       domain entry of the address's organizational domain (rspamd's {@code use_esld}).
 * </ol>
 *
 * <p>When no source matches, the {@linkplain Builder#otherwise fallback} signs, if there is one.
 * Otherwise the message is written unsigned, which {@link DkimSigningMimeMessage#lastSigning()}
 * reports, or refused when {@linkplain Builder#requireSignature() a signature is required}.
 *
 * <p>Domains are compared in lowercase A-label form (RFC 5890), so {@code bücher.example} and
 * {@code xn--bcher-kva.example} are the same entry.
 */
public final class SigningTable {

  /** Where the address that selects the signer comes from. */
  public enum AddressSource {
    /** The first address of the From header field (RFC 5322 section 3.6.2). */
    HEADER_FROM("header From"),
    /** The Sender header field (RFC 5322 section 3.6.2), when present. */
    SENDER("header Sender"),
    /**
     * The address Jakarta Mail's SMTP transport gives in {@code MAIL FROM} (RFC 5321 section
     * 4.1.1.2): the session property {@code mail.smtp.from} (or {@code mail.smtps.from}), else the
     * message's first From (or, without From, Sender) address. (Without either, the transport falls
     * back to a local address derived from the host name; that is never looked up here.)
     */
    ENVELOPE_FROM("envelope sender");

    private final String description;

    AddressSource(String description) {
      this.description = description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  private final Map<String, DkimSigner> addresses;
  private final Map<String, DkimSigner> domains;
  private final Map<String, DkimSigner> subdomains;
  private final UnaryOperator<String> organizationalDomain;
  private final DkimSigner otherwise;
  private final List<AddressSource> sources;
  private final boolean signatureRequired;

  private SigningTable(Builder b) {
    this.addresses = Map.copyOf(b.addresses);
    this.domains = Map.copyOf(b.domains);
    this.subdomains = Map.copyOf(b.subdomains);
    this.organizationalDomain = b.organizationalDomain;
    this.otherwise = b.otherwise;
    this.sources = List.copyOf(b.sources);
    this.signatureRequired = b.signatureRequired;
  }

  /**
   * Returns a builder for a table.
   *
   * @return a new, empty builder: no entries, no fallback, looking at the header From only
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a table that signs every message with {@code signer}.
   *
   * @param signer the signer for every message
   * @return the table
   */
  public static SigningTable of(DkimSigner signer) {
    return builder().otherwise(signer).build();
  }

  /**
   * Returns the signer for a message sent by {@code address}: the most specific entry, or the
   * fallback, or empty when neither applies.
   *
   * @param address an address such as {@code alice@example.com}; the domain may be a U-label
   * @return the signer, or empty
   */
  public Optional<DkimSigner> signerFor(String address) {
    Match match = lookup(address);
    if (match != null) {
      return Optional.of(match.signer);
    }
    return Optional.ofNullable(otherwise);
  }

  /**
   * True when messages that no entry matches are refused rather than written unsigned.
   *
   * @return {@code true} if {@link Builder#requireSignature()} was called
   */
  public boolean requiresSignature() {
    return signatureRequired;
  }

  /** Chooses the signer for a message as it is now, and says why in words. */
  Selection select(MimeMessage message, Session session) throws MessagingException {
    List<String> tried = new ArrayList<>();
    for (AddressSource source : sources) {
      String address = address(source, message, session);
      if (address == null) {
        continue;
      }
      Match match = lookup(address);
      String who = source + " " + address;
      if (match != null) {
        return new Selection(match.signer, who + " matched " + match.entry);
      }
      tried.add(who);
    }
    String none =
        tried.isEmpty()
            ? "the message has no " + join(sources)
            : "no SigningTable entry matches " + String.join(" or ", tried);
    if (otherwise != null) {
      return new Selection(otherwise, none + "; signed by the fallback signer");
    }
    return new Selection(null, none);
  }

  private static String join(List<AddressSource> sources) {
    List<String> names = new ArrayList<>();
    for (AddressSource source : sources) {
      names.add(source.toString());
    }
    return String.join(" or ", names);
  }

  private Match lookup(String address) {
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      return null;
    }
    String domain = normalizeDomainOrNull(address.substring(at + 1));
    if (domain == null) {
      return null;
    }
    String exact = lowerAscii(address.substring(0, at)) + "@" + domain;
    DkimSigner signer = addresses.get(exact);
    if (signer != null) {
      return new Match(signer, "address " + exact);
    }
    signer = domains.get(domain);
    if (signer != null) {
      return new Match(signer, "domain " + domain);
    }
    for (int dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
      String parent = domain.substring(dot + 1);
      signer = subdomains.get(parent);
      if (signer != null) {
        return new Match(signer, "subdomains of " + parent);
      }
    }
    if (organizationalDomain != null) {
      String applied = organizationalDomain.apply(domain);
      String organizational = applied == null ? null : normalizeDomainOrNull(applied);
      if (organizational != null && !organizational.equals(domain)) {
        signer = domains.get(organizational);
        if (signer != null) {
          return new Match(signer, "organizational domain " + organizational);
        }
      }
    }
    return null;
  }

  private static String address(AddressSource source, MimeMessage message, Session session)
      throws MessagingException {
    switch (source) {
      case HEADER_FROM:
        return firstAddress(message.getHeader("From", ","));
      case SENDER:
        return firstAddress(message.getHeader("Sender", ","));
      case ENVELOPE_FROM:
        return envelopeFrom(message, session);
      default:
        throw new AssertionError(source);
    }
  }

  private static String envelopeFrom(MimeMessage message, Session session)
      throws MessagingException {
    if (session != null) {
      for (String property : List.of("mail.smtp.from", "mail.smtps.from")) {
        String from = session.getProperty(property);
        if (from != null && !from.isEmpty()) {
          return from.strip();
        }
      }
    }
    Address[] from = message.getFrom();
    if (from != null && from.length > 0 && from[0] instanceof InternetAddress internet) {
      return internet.getAddress();
    }
    return null;
  }

  private static String firstAddress(String headerValue) {
    if (headerValue == null) {
      return null;
    }
    try {
      for (InternetAddress address : InternetAddress.parseHeader(headerValue, false)) {
        if (!address.isGroup() && address.getAddress() != null) {
          return address.getAddress();
        }
      }
    } catch (AddressException e) {
      return null; // an unparseable header names no sender to sign for
    }
    return null;
  }

  static String normalizeDomain(String domain) {
    String name = domain.strip();
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty domain");
    }
    return lowerAscii(IDN.toASCII(name, IDN.ALLOW_UNASSIGNED));
  }

  private static String normalizeDomainOrNull(String domain) {
    try {
      return normalizeDomain(domain);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String lowerAscii(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "SigningTable[addresses="
        + addresses.keySet()
        + ", domains="
        + domains.keySet()
        + ", subdomains="
        + subdomains.keySet()
        + (organizationalDomain != null ? ", organizational domains" : "")
        + (otherwise != null ? ", otherwise " + otherwise : "")
        + ", by "
        + sources
        + (signatureRequired ? ", signature required" : "")
        + "]";
  }

  /** The signer chosen for a message, or none, and why. */
  static final class Selection {
    final DkimSigner signer;
    final String reason;

    Selection(DkimSigner signer, String reason) {
      this.signer = signer;
      this.reason = reason;
    }
  }

  private static final class Match {
    final DkimSigner signer;
    final String entry;

    Match(DkimSigner signer, String entry) {
      this.signer = signer;
      this.entry = entry;
    }
  }

  /**
   * Collects the entries of a {@link SigningTable}. An address, domain or subdomains entry may be
   * given once; a second entry for the same key is refused.
   */
  public static final class Builder {
    private final Map<String, DkimSigner> addresses = new HashMap<>();
    private final Map<String, DkimSigner> domains = new HashMap<>();
    private final Map<String, DkimSigner> subdomains = new HashMap<>();
    private UnaryOperator<String> organizationalDomain;
    private DkimSigner otherwise;
    private List<AddressSource> sources = List.of(AddressSource.HEADER_FROM);
    private boolean signatureRequired;

    private Builder() {}

    /**
     * Signs mail from exactly {@code address} (local part compared ASCII case-insensitively).
     *
     * @param address an address such as {@code alice@example.com}
     * @param signer the signer for that address
     * @return this builder
     * @throws IllegalArgumentException if {@code address} is not {@code local@domain}, or already
     *     has an entry
     */
    public Builder address(String address, DkimSigner signer) {
      Objects.requireNonNull(signer, "signer");
      int at = address.lastIndexOf('@');
      if (at <= 0 || at == address.length() - 1) {
        throw new IllegalArgumentException("not an address (local@domain): " + address);
      }
      String key =
          lowerAscii(address.substring(0, at)) + "@" + normalizeDomain(address.substring(at + 1));
      put(addresses, key, signer, "address");
      return this;
    }

    /**
     * Signs mail from any address at exactly {@code domain} (OpenDKIM's {@code *@domain}).
     *
     * @param domain e.g. {@code example.com}; a trailing dot and U-labels are accepted
     * @param signer the signer for that domain
     * @return this builder
     * @throws IllegalArgumentException if {@code domain} is empty or already has an entry
     */
    public Builder domain(String domain, DkimSigner signer) {
      Objects.requireNonNull(signer, "signer");
      put(domains, normalizeDomain(domain), signer, "domain");
      return this;
    }

    /**
     * Signs mail from any address at a subdomain of {@code domain}, at any depth, but not at {@code
     * domain} itself (OpenDKIM's {@code *@*.domain}); add {@link #domain} for that.
     *
     * @param domain e.g. {@code example.com}; a trailing dot and U-labels are accepted
     * @param signer the signer for the subdomains
     * @return this builder
     * @throws IllegalArgumentException if {@code domain} is empty or already has a subdomains entry
     */
    public Builder subdomains(String domain, DkimSigner signer) {
      Objects.requireNonNull(signer, "signer");
      put(subdomains, normalizeDomain(domain), signer, "subdomains");
      return this;
    }

    /**
     * Lets a {@link #domain} entry also sign for addresses whose organizational domain (RFC 7489
     * section 3.2) it is: with {@code example.com} as an entry, {@code news.example.com} signs with
     * it. The function maps a lowercase A-label domain to its organizational domain (or null); the
     * Public Suffix List based one of a DMARC library is the right choice. dkim4j's Jakarta Mail
     * module does not depend on one, so nothing is assumed by default.
     *
     * @param organizationalDomainOf maps a domain to its organizational domain, or to null when it
     *     has none
     * @return this builder
     */
    public Builder organizationalDomain(UnaryOperator<String> organizationalDomainOf) {
      this.organizationalDomain = Objects.requireNonNull(organizationalDomainOf, "function");
      return this;
    }

    /**
     * Signs every message that no entry matches with {@code signer} (OpenDKIM's {@code *}).
     *
     * @param signer the fallback signer
     * @return this builder
     */
    public Builder otherwise(DkimSigner signer) {
      this.otherwise = Objects.requireNonNull(signer, "signer");
      return this;
    }

    /**
     * Sets where the looked-up address comes from, tried in this order (default: {@link
     * AddressSource#HEADER_FROM} only).
     *
     * @param first the source tried first
     * @param more the sources tried next, in order
     * @return this builder
     */
    public Builder addressSources(AddressSource first, AddressSource... more) {
      List<AddressSource> list = new ArrayList<>();
      list.add(Objects.requireNonNull(first, "first"));
      for (AddressSource source : more) {
        list.add(Objects.requireNonNull(source, "source"));
      }
      this.sources = List.copyOf(list);
      return this;
    }

    /**
     * Refuses to write a message that no entry matches, instead of writing it unsigned: {@code
     * writeTo} then throws {@link MessageNotSignedException} before writing a byte, so that a
     * transport aborts the message.
     *
     * @return this builder
     */
    public Builder requireSignature() {
      this.signatureRequired = true;
      return this;
    }

    /**
     * Returns the table.
     *
     * @return an immutable, thread-safe table
     */
    public SigningTable build() {
      return new SigningTable(this);
    }

    private static void put(
        Map<String, DkimSigner> map, String key, DkimSigner signer, String kind) {
      if (map.putIfAbsent(key, signer) != null) {
        throw new IllegalArgumentException("a " + kind + " entry for " + key + " is already set");
      }
    }
  }
}
