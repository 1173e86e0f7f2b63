package org.dkim4j.dkim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageLimits;
import org.dkim4j.message.MessageReader;
import org.dkim4j.message.MessageTooLargeException;

/**
 * Verifies the DKIM signatures of a message (RFC 6376 section 6, RFC 8463, RFC 8301).
 *
 * <p>Build one with {@link #builder()}, then share it: it is immutable and thread-safe. Each call
 * reads the message once, front to back; the body is canonicalized and hashed once per distinct
 * (canonicalization, hash, {@code l=}) among the signatures, whatever their number. A verifier
 * parses each key record text and decodes its key once, and keeps up to 256 of them, so mail from a
 * signer seen before skips that work; the key lookup itself is the resolver's, every time.
 *
 * <pre>{@code
 * DkimVerifier verifier = DkimVerifier.builder().resolver(resolver).build();
 * DkimResults results = verifier.verify(inputStream);
 * }</pre>
 *
 * <p>Bad input never throws: every signature gets a {@link DkimResult} with a reason.
 */
public final class DkimVerifier {

  final TxtResolver resolver;
  final Clock clock;
  final Duration clockSkew;
  final int maxSignatures;
  final int maxDnsLookups;
  final int minRsaKeyBits;
  final int maxRsaKeyBits;
  final boolean rsaSha1Allowed;
  final boolean unsignedBodyBytesAllowed;
  final MessageLimits messageLimits;
  final KeyCache keys = new KeyCache();

  private DkimVerifier(Builder b) {
    this.resolver =
        Objects.requireNonNull(b.resolver, "resolver: call resolver(...) on the builder");
    this.clock = b.clock;
    this.clockSkew = b.clockSkew;
    this.maxSignatures = b.maxSignatures;
    this.maxDnsLookups = b.maxDnsLookups;
    this.minRsaKeyBits = b.minRsaKeyBits;
    this.maxRsaKeyBits = b.maxRsaKeyBits;
    this.rsaSha1Allowed = b.rsaSha1Allowed;
    this.unsignedBodyBytesAllowed = b.unsignedBodyBytesAllowed;
    this.messageLimits = b.messageLimits;
  }

  /**
   * Returns a builder; {@link Builder#resolver(TxtResolver)} is required.
   *
   * @return a new builder with the defaults described there
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a message given as bytes. Reads the array in place: the fastest way in for a message
   * already in memory. The array must not change during the call.
   *
   * @param message the whole message, header and body
   * @return one result per DKIM-Signature field, or none for an unsigned message
   */
  public DkimResults verify(byte[] message) {
    try {
      return verify(MessageReader.sharing(message, messageLimits));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen with a byte array
    }
  }

  /**
   * Verifies a message read from {@code in} to its end. The stream is not closed.
   *
   * @param in the message; read to its end but not closed
   * @return one result per DKIM-Signature field, or none for an unsigned message
   * @throws IOException only when reading {@code in} fails
   */
  public DkimResults verify(InputStream in) throws IOException {
    return verify(new MessageReader(in, messageLimits));
  }

  private DkimResults verify(MessageReader reader) throws IOException {
    List<HeaderField> fields;
    try {
      fields = reader.readHeader();
    } catch (MessageTooLargeException e) {
      return new DkimResults(
          List.of(DkimResult.builder(DkimStatus.PERMERROR, e.getMessage()).build()));
    }
    Verification verification = new Verification(this, fields);
    BodyHashes bodyHashes = verification.prepare();
    if (!bodyHashes.isEmpty()) {
      reader.readBody(bodyHashes::update);
      bodyHashes.finish();
    }
    return verification.complete();
  }

  /** Settings for a {@link DkimVerifier}. Every setting has a safe default except the resolver. */
  public static final class Builder {
    private TxtResolver resolver;
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = Duration.ofMinutes(5);
    private int maxSignatures = 8;
    private int maxDnsLookups = 8;
    private int minRsaKeyBits = 1024;
    private int maxRsaKeyBits = 8192;
    private boolean rsaSha1Allowed;
    private boolean unsignedBodyBytesAllowed;
    private MessageLimits messageLimits = MessageLimits.DEFAULT;

    private Builder() {}

    /**
     * Sets where keys are looked up (required).
     *
     * @param resolver answers TXT queries for {@code selector._domainkey.domain}
     * @return this builder
     */
    public Builder resolver(TxtResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Sets the clock for {@code t=} and {@code x=} checks (default: the system UTC clock).
     *
     * @param clock the source of the current time
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the tolerance for clock differences when checking {@code x=} (expiry) and {@code t=}
     * (not in the future); default 5 minutes (RFC 6376 section 3.5 allows verifiers a tolerance).
     *
     * @param skew the tolerance, zero or positive
     * @return this builder
     * @throws IllegalArgumentException if {@code skew} is negative
     */
    public Builder clockSkew(Duration skew) {
      if (skew.isNegative()) {
        throw new IllegalArgumentException("clock skew must not be negative");
      }
      this.clockSkew = skew;
      return this;
    }

    /**
     * Sets how many DKIM-Signature fields are evaluated (default 8); further ones get {@link
     * DkimStatus#POLICY} with the reason "not evaluated".
     *
     * @param max the number of signatures, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public Builder maxSignatures(int max) {
      this.maxSignatures = positive(max, "maxSignatures");
      return this;
    }

    /**
     * Sets how many key lookups one message may cause (default 8).
     *
     * @param max the number of lookups, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public Builder maxDnsLookups(int max) {
      this.maxDnsLookups = positive(max, "maxDnsLookups");
      return this;
    }

    /**
     * Sets the smallest RSA key accepted (default 1024 bits). RFC 8301 section 3.2 forbids
     * accepting smaller keys, so values below 1024 are refused.
     *
     * @param bits the smallest modulus length in bits, at least 1024
     * @return this builder
     * @throws IllegalArgumentException if {@code bits} is below 1024
     */
    public Builder minRsaKeyBits(int bits) {
      if (bits < 1024) {
        throw new IllegalArgumentException("RFC 8301 forbids RSA keys below 1024 bits");
      }
      this.minRsaKeyBits = bits;
      return this;
    }

    /**
     * Sets the largest RSA key accepted (default 8192 bits), bounding verification cost.
     *
     * @param bits the largest modulus length in bits
     * @return this builder
     * @throws IllegalArgumentException if {@code bits} is below 1
     */
    public Builder maxRsaKeyBits(int bits) {
      this.maxRsaKeyBits = positive(bits, "maxRsaKeyBits");
      return this;
    }

    /**
     * Lets rsa-sha1 signatures pass, for legacy mail only. By default they are {@link
     * DkimStatus#PERMERROR}, as RFC 8301 section 3.1 requires.
     *
     * @param allowed {@code true} to verify rsa-sha1 signatures like rsa-sha256 ones
     * @return this builder
     */
    public Builder allowRsaSha1(boolean allowed) {
      this.rsaSha1Allowed = allowed;
      return this;
    }

    /**
     * Lets a signature with {@code l=} pass although body bytes follow the signed length. By
     * default such a signature gets {@link DkimStatus#POLICY}: content appended after the signed
     * part is the classic {@code l=} attack (RFC 6376 section 8.2).
     *
     * @param allowed {@code true} to let such signatures pass
     * @return this builder
     */
    public Builder allowUnsignedBodyBytes(boolean allowed) {
      this.unsignedBodyBytesAllowed = allowed;
      return this;
    }

    /**
     * Sets the bounds on the header section (default {@link MessageLimits#DEFAULT}).
     *
     * @param limits the bounds; a header section beyond them gives {@link DkimStatus#PERMERROR}
     * @return this builder
     */
    public Builder messageLimits(MessageLimits limits) {
      this.messageLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Returns the verifier.
     *
     * @return an immutable, thread-safe verifier
     * @throws NullPointerException when no resolver was set
     */
    public DkimVerifier build() {
      return new DkimVerifier(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1");
      }
      return value;
    }
  }
}
