package org.dkim4j.dkim;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dkim4j.crypto.VerificationKey;

/**
 * What a {@link KeyCheck} found for one selector: the findings, worst first, and the record and key
 * when they could be read. Immutable.
 */
public final class KeyCheckReport {

  private final String name;
  private final List<KeyFinding> findings;
  private final KeyRecord record;
  private final VerificationKey key;

  KeyCheckReport(String name, List<KeyFinding> findings, KeyRecord record, VerificationKey key) {
    this.name = Objects.requireNonNull(name, "name");
    this.findings =
        findings.stream()
            .sorted((a, b) -> a.severity().compareTo(b.severity()))
            .collect(java.util.stream.Collectors.toUnmodifiableList());
    this.record = record;
    this.key = key;
  }

  /**
   * Returns the name looked up, {@code selector._domainkey.domain}.
   *
   * @return the owner name, without a trailing dot
   */
  public String name() {
    return name;
  }

  /**
   * Returns the findings, errors first; empty when everything is in order.
   *
   * @return an unmodifiable list, sorted by severity
   */
  public List<KeyFinding> findings() {
    return findings;
  }

  /**
   * True when no finding is an {@link KeyFinding.Severity#ERROR}: signatures will verify.
   *
   * @return {@code true} if there is no error finding
   */
  public boolean usable() {
    return findings.stream().noneMatch(f -> f.severity() == KeyFinding.Severity.ERROR);
  }

  /**
   * True when there is a finding of {@code kind}.
   *
   * @param kind the kind to look for
   * @return {@code true} if a finding has that kind, whatever its severity
   */
  public boolean has(KeyFinding.Kind kind) {
    return findings.stream().anyMatch(f -> f.kind() == kind);
  }

  /**
   * Returns the key record that was checked, when one could be parsed.
   *
   * @return the record, or empty when none was found or it did not parse
   */
  public Optional<KeyRecord> record() {
    return Optional.ofNullable(record);
  }

  /**
   * Returns the published public key, when it could be decoded.
   *
   * @return the key, or empty when no record was usable or its {@code p=} did not decode
   */
  public Optional<VerificationKey> key() {
    return Optional.ofNullable(key);
  }

  /** Returns one line per finding, or a line saying the key is fine, after the name. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name).append(": ");
    if (findings.isEmpty()) {
      return text.append("key OK").append(key == null ? "" : " (" + key + ")").toString();
    }
    text.append(usable() ? "key usable" : "key not usable");
    for (KeyFinding finding : findings) {
      text.append("\n  ").append(finding);
    }
    return text.toString();
  }
}
