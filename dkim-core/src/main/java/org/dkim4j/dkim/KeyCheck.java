package org.dkim4j.dkim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.dkim4j.crypto.KeyFormatException;
import org.dkim4j.crypto.KeyType;
import org.dkim4j.crypto.SignatureAlgorithm;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.crypto.VerificationKey;
import org.dkim4j.dns.TxtLookup;
import org.dkim4j.dns.TxtResolver;

/**
 * Checks a selector's published key record the way {@code opendkim-testkey} does: fetches {@code
 * selector._domainkey.domain} (RFC 6376 section 3.6.2.1), parses it (section 3.6.1) and, given the
 * private key, checks that the record publishes its public half.
 *
 * <p>Findings, by {@link KeyFinding.Kind}:
 *
 * <ul>
 *   <li>errors: {@code MISSING} (NXDOMAIN/NODATA), {@code TEMPORARY_FAILURE}, {@code SYNTAX},
 *       {@code REVOKED} (empty {@code p=}), {@code NOT_USABLE} (unknown {@code k=}, {@code h=}
 *       without sha256, {@code s=} without email), {@code KEY_MISMATCH}, {@code KEY_SIZE} below
 *       1024 bits (RFC 8301 section 3.2 forbids accepting those);
 *   <li>warnings: {@code TESTING} ({@code t=y} still set), {@code MULTIPLE_RECORDS}, {@code
 *       KEY_SIZE} above 4096 bits (verifiers need only handle up to 4096, RFC 8301 section 3.2);
 *   <li>advice: {@code KEY_SIZE} below 2048 bits (RFC 8301 section 3.2 recommends at least 2048).
 * </ul>
 *
 * <pre>{@code
 * KeyCheckReport report = KeyCheck.using(resolver)
 *     .check("example.com", "2026a", SigningKey.fromFile(Path.of("2026a.private")));
 * if (!report.usable()) System.err.println(report);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyCheck {

  private static final int MINIMUM_RSA_BITS = 1024;
  private static final int RECOMMENDED_RSA_BITS = 2048;
  private static final int LARGEST_REQUIRED_RSA_BITS = 4096;

  private final TxtResolver resolver;

  private KeyCheck(TxtResolver resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /**
   * Returns a check that looks records up through {@code resolver}.
   *
   * @param resolver answers TXT queries, e.g. a {@link org.dkim4j.dns.DnsJavaResolver}
   * @return the check
   */
  public static KeyCheck using(TxtResolver resolver) {
    return new KeyCheck(resolver);
  }

  /**
   * Checks the published record of a selector.
   *
   * @param domain the signing domain, e.g. {@code example.com}; a trailing dot is allowed
   * @param selector the selector, e.g. {@code 2026a}
   * @return the findings and, when they could be read, the record and key
   * @throws IllegalArgumentException when the domain or selector is not a valid name
   */
  public KeyCheckReport check(String domain, String selector) {
    return run(domain, selector, null);
  }

  /**
   * Checks the published record of a selector and that it matches {@code privateKey}.
   *
   * @param domain the signing domain, e.g. {@code example.com}; a trailing dot is allowed
   * @param selector the selector, e.g. {@code 2026a}
   * @param privateKey the key the selector's signatures are made with
   * @return the findings and, when they could be read, the record and key
   * @throws IllegalArgumentException when the domain or selector is not a valid name
   */
  public KeyCheckReport check(String domain, String selector, SigningKey privateKey) {
    return run(domain, selector, Objects.requireNonNull(privateKey, "privateKey"));
  }

  private KeyCheckReport run(String domain, String selector, SigningKey privateKey) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(selector, "selector");
    String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    if (!DomainNames.isValid(d)) {
      throw new IllegalArgumentException("invalid domain: " + domain);
    }
    if (!DomainNames.isValid(selector)) {
      throw new IllegalArgumentException("invalid selector: " + selector);
    }
    String name = selector + "._domainkey." + d;
    List<KeyFinding> findings = new ArrayList<>();
    TxtLookup lookup = resolver.lookup(name);
    if (lookup instanceof TxtLookup.NotFound notFound) {
      findings.add(
          error(
              KeyFinding.Kind.MISSING,
              "no key record at " + name + " (" + notFound.detail() + ")"));
      return new KeyCheckReport(name, findings, null, null);
    }
    if (lookup instanceof TxtLookup.TemporaryFailure failure) {
      findings.add(
          error(
              KeyFinding.Kind.TEMPORARY_FAILURE,
              "the lookup of " + name + " failed for now: " + failure.detail()));
      return new KeyCheckReport(name, findings, null, null);
    }
    List<String> records = ((TxtLookup.Found) lookup).records();
    if (records.size() > 1) {
      findings.add(
          new KeyFinding(
              KeyFinding.Severity.WARNING,
              KeyFinding.Kind.MULTIPLE_RECORDS,
              records.size()
                  + " TXT records at "
                  + name
                  + "; verifiers may use any of them that parses (RFC 6376 section 3.6.2.2)"));
    }
    KeyRecord record = null;
    String syntaxError = null;
    for (String text : records) {
      try {
        record = KeyRecord.parse(text);
        break;
      } catch (DkimSyntaxException e) {
        if (syntaxError == null) {
          syntaxError = e.getMessage();
        }
      }
    }
    if (record == null) {
      findings.add(error(KeyFinding.Kind.SYNTAX, syntaxError));
      return new KeyCheckReport(name, findings, null, null);
    }
    if (record.testing()) {
      findings.add(
          new KeyFinding(
              KeyFinding.Severity.WARNING,
              KeyFinding.Kind.TESTING,
              "t=y is set: the domain is testing DKIM and verifiers may ignore failures; remove it"
                  + " once signatures verify"));
    }
    if (record.revoked()) {
      findings.add(error(KeyFinding.Kind.REVOKED, "p= is empty: the key has been revoked"));
      return new KeyCheckReport(name, findings, record, null);
    }
    if (record.keyType().isEmpty()) {
      findings.add(
          error(
              KeyFinding.Kind.NOT_USABLE,
              "unknown key type k=" + record.keyTypeName() + ", expected rsa or ed25519"));
      return new KeyCheckReport(name, findings, record, null);
    }
    KeyType type = record.keyType().get();
    if (!record.allowsHashOf(SignatureAlgorithm.forSigning(type))) {
      findings.add(
          error(
              KeyFinding.Kind.NOT_USABLE,
              "h="
                  + String.join(":", record.hashAlgorithms())
                  + " does not allow sha256, the only hash signers may use (RFC 8301 section 3.1)"));
    }
    if (!record.allowsEmail()) {
      findings.add(
          error(
              KeyFinding.Kind.NOT_USABLE,
              "s=" + String.join(":", record.serviceTypes()) + " does not include email or *"));
    }
    VerificationKey key;
    try {
      key = VerificationKey.decode(type, record.publicKeyData());
    } catch (KeyFormatException e) {
      findings.add(error(KeyFinding.Kind.SYNTAX, "p= is not a valid key: " + e.getMessage()));
      return new KeyCheckReport(name, findings, record, null);
    }
    if (type == KeyType.RSA) {
      checkSize(key.bits(), findings);
    }
    if (privateKey != null) {
      checkMatch(key, privateKey, findings);
    }
    return new KeyCheckReport(name, findings, record, key);
  }

  private static void checkSize(int bits, List<KeyFinding> findings) {
    if (bits < MINIMUM_RSA_BITS) {
      findings.add(
          error(
              KeyFinding.Kind.KEY_SIZE,
              "the RSA key has "
                  + bits
                  + " bits; verifiers must not accept keys under 1024 bits (RFC 8301 section"
                  + " 3.2)"));
    } else if (bits < RECOMMENDED_RSA_BITS) {
      findings.add(
          new KeyFinding(
              KeyFinding.Severity.ADVICE,
              KeyFinding.Kind.KEY_SIZE,
              "the RSA key has "
                  + bits
                  + " bits; use at least 2048 (RFC 8301 section 3.2), or add an Ed25519 key"));
    } else if (bits > LARGEST_REQUIRED_RSA_BITS) {
      findings.add(
          new KeyFinding(
              KeyFinding.Severity.WARNING,
              KeyFinding.Kind.KEY_SIZE,
              "the RSA key has "
                  + bits
                  + " bits; verifiers need only handle up to 4096 (RFC 8301 section 3.2)"));
    }
  }

  private static void checkMatch(
      VerificationKey published, SigningKey privateKey, List<KeyFinding> findings) {
    if (published.type() != privateKey.type()) {
      findings.add(
          error(
              KeyFinding.Kind.KEY_MISMATCH,
              "the record publishes "
                  + published
                  + " but the private key is "
                  + privateKey
                  + " (k= does not match the key type)"));
      return;
    }
    byte[] expected =
        VerificationKey.decode(privateKey.type(), privateKey.publicKeyData()).recordData();
    if (!Arrays.equals(expected, published.recordData())) {
      findings.add(
          error(
              KeyFinding.Kind.KEY_MISMATCH,
              "the record publishes a different "
                  + (published.type() == KeyType.RSA ? "RSA-" + published.bits() : "Ed25519")
                  + " key than the public half of the private key "
                  + privateKey));
    }
  }

  private static KeyFinding error(KeyFinding.Kind kind, String message) {
    return new KeyFinding(KeyFinding.Severity.ERROR, kind, message);
  }

  @Override
  public String toString() {
    return "KeyCheck[" + resolver + "]";
  }
}
