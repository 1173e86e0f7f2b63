package org.dkim4j.dkim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.message.Ascii;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageLimits;
import org.dkim4j.message.MessageReader;

/**
 * Signs messages with DKIM (RFC 6376 section 5, RFC 8463): rsa-sha256 or ed25519-sha256, one or
 * several signatures in one pass over the body.
 *
 * <p>Build one with {@link #builder()} and share it: it is immutable and thread-safe.
 *
 * <pre>{@code
 * DkimSigner signer = DkimSigner.builder()
 *     .domain("example.com").selector("2026a")
 *     .key(SigningKey.fromFile(Path.of("2026a.private")))
 *     .build();
 * byte[] signed = signer.sign(message);
 * }</pre>
 *
 * <p>Combine signers with {@link #and(DkimSigner)} to add, for example, an RSA and an Ed25519
 * signature for the same domain; the body is still read and hashed once per canonicalization.
 */
public final class DkimSigner {

  private final List<SigningProfile> profiles;

  DkimSigner(List<SigningProfile> profiles) {
    this.profiles = List.copyOf(profiles);
  }

  /**
   * Returns a builder for one signature.
   *
   * @return a new builder; domain, selector and key are required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a signer that adds this signer's signatures and then {@code other}'s, computed over the
   * same message (neither signs the other).
   *
   * @param other the signer whose signatures follow this signer's
   * @return a new signer; neither this nor {@code other} changes
   */
  public DkimSigner and(DkimSigner other) {
    List<SigningProfile> all = new ArrayList<>(profiles);
    all.addAll(other.profiles);
    return new DkimSigner(all);
  }

  /**
   * Signs a message and returns the DKIM-Signature field(s) followed by the message bytes,
   * unchanged. The new fields end their lines as the message does: CRLF, or a bare LF for a message
   * stored with Unix line endings, so that the output never mixes the two.
   *
   * @param message the whole message, header and body, with CRLF or bare LF line endings
   * @return a new array: the signature fields, then the message
   * @throws DkimSigningException when the key fails to sign
   * @throws java.io.UncheckedIOException wrapping a {@link
   *     org.dkim4j.message.MessageTooLargeException} when the header section exceeds {@link
   *     MessageLimits#DEFAULT}
   */
  public byte[] sign(byte[] message) {
    String fields = signatureFields(message);
    if (endsLinesWithBareLf(message)) {
      fields = fields.replace("\r\n", "\n");
    }
    byte[] head = fields.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + message.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(message, 0, out, head.length, message.length);
    return out;
  }

  /**
   * Reads a message to its end and returns the DKIM-Signature field(s) to put in front of it, each
   * ending in CRLF. Memory use does not depend on the body size.
   *
   * @param in the message, read to its end but not closed
   * @return the signature fields, one per signature this signer adds
   * @throws IOException when reading fails, or the header section exceeds {@link
   *     MessageLimits#DEFAULT}
   * @throws DkimSigningException when the key fails to sign
   */
  public String signatureFields(InputStream in) throws IOException {
    return signatureFields(new MessageReader(in, MessageLimits.DEFAULT));
  }

  /**
   * Returns the DKIM-Signature field(s) to put in front of a message already in memory, each ending
   * in CRLF: {@link #signatureFields(InputStream)} reading the array in place, without a copy. The
   * array must not change during the call.
   *
   * @param message the whole message, header and body
   * @return the signature fields, one per signature this signer adds
   * @throws DkimSigningException when the key fails to sign
   * @throws UncheckedIOException wrapping a {@link org.dkim4j.message.MessageTooLargeException}
   *     when the header section exceeds {@link MessageLimits#DEFAULT}
   */
  public String signatureFields(byte[] message) {
    try {
      return signatureFields(MessageReader.sharing(message, MessageLimits.DEFAULT));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // only MessageTooLargeException, from a byte array
    }
  }

  private String signatureFields(MessageReader reader) throws IOException {
    List<HeaderField> fields = reader.readHeader();
    BodyHashes bodyHashes = new BodyHashes();
    List<BodyHasher> hashers = new ArrayList<>(profiles.size());
    for (SigningProfile profile : profiles) {
      hashers.add(
          bodyHashes.request(profile.bodyCanonicalization(), profile.key().algorithm(), -1));
    }
    reader.readBody(bodyHashes::update);
    bodyHashes.finish();
    if (profiles.size() == 1) {
      return profiles.get(0).sign(fields, hashers.get(0));
    }
    StringBuilder out = new StringBuilder(1024 * profiles.size());
    for (int i = 0; i < profiles.size(); i++) {
      out.append(profiles.get(i).sign(fields, hashers.get(i)));
    }
    return out.toString();
  }

  /** True when the first line of the message ends in a LF without CR before it. */
  private static boolean endsLinesWithBareLf(byte[] message) {
    for (int i = 0; i < message.length; i++) {
      if (message[i] == '\n') {
        return i == 0 || message[i - 1] != '\r';
      }
    }
    return false;
  }

  /** Returns the signatures this signer adds, e.g. {@code [d=example.com s=2026a rsa-sha256]}. */
  @Override
  public String toString() {
    return "DkimSigner" + profiles;
  }

  /**
   * Settings for one signature. {@link #domain}, {@link #selector} and {@link #key} are required;
   * everything else has the default a careful operator would choose.
   */
  public static final class Builder {
    private String domain;
    private String selector;
    private SigningKey key;
    private Canonicalization headerCanonicalization = Canonicalization.RELAXED;
    private Canonicalization bodyCanonicalization = Canonicalization.RELAXED;
    private List<String> signedHeaders;
    private List<String> oversignedHeaders = List.of("From");
    private String identity;
    private boolean timestamp = true;
    private Duration expiration;
    private boolean bodyLength;
    private boolean copyHeaders;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets {@code d=}, the signing domain (required).
     *
     * @param domain e.g. {@code example.com}
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = Objects.requireNonNull(domain, "domain");
      return this;
    }

    /**
     * Sets {@code s=}, the selector (required).
     *
     * @param selector e.g. {@code 2026a}; the key record is at {@code selector._domainkey.domain}
     * @return this builder
     */
    public Builder selector(String selector) {
      this.selector = Objects.requireNonNull(selector, "selector");
      return this;
    }

    /**
     * Sets the private key (required); its type chooses rsa-sha256 or ed25519-sha256.
     *
     * @param key the private key
     * @return this builder
     */
    public Builder key(SigningKey key) {
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * Sets {@code c=} (default relaxed/relaxed).
     *
     * @param header header canonicalization (RFC 6376 section 3.4.1 or 3.4.2)
     * @param body body canonicalization (RFC 6376 section 3.4.3 or 3.4.4)
     * @return this builder
     */
    public Builder canonicalization(Canonicalization header, Canonicalization body) {
      this.headerCanonicalization = Objects.requireNonNull(header, "header");
      this.bodyCanonicalization = Objects.requireNonNull(body, "body");
      return this;
    }

    /**
     * Sets the header fields to sign, instead of the default: the fields of RFC 6376 section 5.4.1
     * plus Message-ID, MIME-Version, Content-Type, Content-Transfer-Encoding and
     * List-Unsubscribe-Post, each as often as it occurs in the message. Names given here are signed
     * as listed (a name listed more often than it occurs signs its absence too). The list must
     * include From.
     *
     * @param names the header field names for {@code h=}, in order
     * @return this builder
     * @throws IllegalArgumentException if From is missing or a name is not a valid field name
     */
    public Builder signedHeaders(List<String> names) {
      List<String> copy = List.copyOf(names);
      if (copy.stream().noneMatch(n -> Ascii.equalsIgnoreCase(n, "From"))) {
        throw new IllegalArgumentException("the signed headers must include From (RFC 6376 5.4)");
      }
      for (String name : copy) {
        requireFieldName(name);
      }
      this.signedHeaders = copy;
      return this;
    }

    /**
     * Sets the fields to oversign: listed once more than they occur, so that adding such a field
     * breaks the signature (RFC 6376 section 8.15). Default: From. Pass an empty list for none.
     *
     * @param names header field names; empty for none
     * @return this builder
     * @throws IllegalArgumentException if a name is not a valid field name
     */
    public Builder oversignedHeaders(List<String> names) {
      List<String> copy = List.copyOf(names);
      for (String name : copy) {
        requireFieldName(name);
      }
      this.oversignedHeaders = copy;
      return this;
    }

    /**
     * Sets {@code i=}, the agent or user identity; its domain must be d= or a subdomain.
     *
     * @param identity e.g. {@code user@example.com} or {@code @mail.example.com}
     * @return this builder
     */
    public Builder identity(String identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /**
     * Sets whether {@code t=} (signing time) is added; default true.
     *
     * @param enabled {@code false} to leave {@code t=} out
     * @return this builder
     */
    public Builder timestamp(boolean enabled) {
      this.timestamp = enabled;
      return this;
    }

    /**
     * Sets {@code x=} to the signing time plus {@code validity}; default none.
     *
     * @param validity how long the signature stays valid; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code validity} is zero or negative
     */
    public Builder expiration(Duration validity) {
      if (validity.isNegative() || validity.isZero()) {
        throw new IllegalArgumentException("expiration must be positive");
      }
      this.expiration = validity;
      return this;
    }

    /**
     * Sets whether {@code l=} is added with the length of the whole canonical body; default false.
     * Verifiers (dkim4j included) do not let content appended later pass.
     *
     * @param enabled {@code true} to add {@code l=}
     * @return this builder
     */
    public Builder bodyLength(boolean enabled) {
      this.bodyLength = enabled;
      return this;
    }

    /**
     * Sets whether {@code z=} copies the signed header fields, for diagnostics; default false.
     *
     * @param enabled {@code true} to add {@code z=}
     * @return this builder
     */
    public Builder copyHeaders(boolean enabled) {
      this.copyHeaders = enabled;
      return this;
    }

    /**
     * Sets the clock for {@code t=} and {@code x=} (default: the system UTC clock).
     *
     * @param clock the source of the signing time
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Returns the signer.
     *
     * @return an immutable, thread-safe signer that adds one signature
     * @throws IllegalStateException when domain, selector or key is missing
     * @throws IllegalArgumentException when a setting is invalid
     */
    public DkimSigner build() {
      if (domain == null || selector == null || key == null) {
        throw new IllegalStateException(
            "a DkimSigner needs domain(...), selector(...) and key(...); missing: "
                + (domain == null ? "domain " : "")
                + (selector == null ? "selector " : "")
                + (key == null ? "key" : "").strip());
      }
      if (!DomainNames.isValid(domain)) {
        throw new IllegalArgumentException("invalid domain: " + domain);
      }
      if (!DomainNames.isValid(selector)) {
        throw new IllegalArgumentException("invalid selector: " + selector);
      }
      if (identity != null) {
        int at = identity.lastIndexOf('@');
        if (at < 0 || !DomainNames.isWithin(identity.substring(at + 1), domain)) {
          throw new IllegalArgumentException(
              "identity " + identity + " must be local@domain with its domain within " + domain);
        }
      }
      return new DkimSigner(
          List.of(
              new SigningProfile(
                  domain,
                  selector,
                  key,
                  headerCanonicalization,
                  bodyCanonicalization,
                  signedHeaders,
                  oversignedHeaders,
                  identity,
                  timestamp,
                  expiration,
                  bodyLength,
                  copyHeaders,
                  clock)));
    }

    private static void requireFieldName(String name) {
      if (name.isEmpty()) {
        throw new IllegalArgumentException("empty header field name");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c < 33 || c > 126 || c == ':') {
          throw new IllegalArgumentException("invalid header field name: " + name);
        }
      }
    }
  }
}
