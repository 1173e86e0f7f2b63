package org.dkim4j.jakarta;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dkim4j.dkim.DkimSignature;

/**
 * What one {@link DkimSigningMimeMessage#writeTo} did: the DKIM-Signature fields it put in front of
 * the message (RFC 6376 section 5.6), or none, and why that signer or none was chosen. Immutable.
 */
public final class SigningOutcome {

  private final List<String> fields;
  private final String reason;

  private SigningOutcome(List<String> fields, String reason) {
    this.fields = List.copyOf(fields);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  static SigningOutcome signed(String signatureFields, String reason) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (String line : signatureFields.split("\r\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      if (field.length() > 0 && line.charAt(0) != ' ' && line.charAt(0) != '\t') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (field.length() > 0) {
        field.append("\r\n");
      }
      field.append(line);
    }
    if (field.length() > 0) {
      fields.add(field.toString());
    }
    return new SigningOutcome(fields, reason);
  }

  static SigningOutcome unsigned(String reason) {
    return new SigningOutcome(List.of(), reason);
  }

  /**
   * True when at least one DKIM-Signature field was written.
   *
   * @return {@code true} if the message was signed
   */
  public boolean signed() {
    return !fields.isEmpty();
  }

  /**
   * Returns the DKIM-Signature header fields as written, top to bottom, folding kept, without the
   * terminating CRLF; empty when the message went out unsigned.
   *
   * @return an unmodifiable list, e.g. {@code DKIM-Signature: v=1; a=rsa-sha256; ...}
   */
  public List<String> signatureFields() {
    return fields;
  }

  /**
   * Returns the signatures written, parsed.
   *
   * @return a new list, in the order of {@link #signatureFields()}
   */
  public List<DkimSignature> signatures() {
    List<DkimSignature> signatures = new ArrayList<>(fields.size());
    for (String field : fields) {
      signatures.add(DkimSignature.parse(field.substring(field.indexOf(':') + 1)));
    }
    return signatures;
  }

  /**
   * Says why the message was signed as it was, e.g. {@code "header From alice@example.com matched
   * domain example.com"} or {@code "no SigningTable entry matches header From bob@example.net"}.
   *
   * @return the reason, never {@code null}
   */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    if (!signed()) {
      return "not signed: " + reason;
    }
    return "signed " + signatures() + ": " + reason;
  }
}
