package org.dkim4j.jakarta;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimStatus;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.message.Ascii;
import org.dkim4j.message.HeaderField;
import org.dkim4j.message.MessageReader;

/**
 * Assertions on the DKIM signatures of mail, for tests that check what an application sent (for
 * example through GreenMail). A failed assertion throws an {@link AssertionError} that names the
 * message and lists every signature with its status and reason (RFC 6376 section 6.1, statuses as
 * in RFC 8601 section 2.7.1), so the report says what went wrong without a debugger. No test
 * framework is needed.
 *
 * <pre>{@code
 * DkimAssertions dkim = DkimAssertions.using(resolver);      // the test's keys
 * dkim.assertThat(rawBytes).hasPassingSignature("example.com");
 * dkim.assertThat(receivedMimeMessage)
 *     .hasSignatureFrom("example.com").withSelector("2026a").withStatus(DkimStatus.PASS);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class DkimAssertions {

  private final DkimMimeVerifier verifier;

  private DkimAssertions(DkimVerifier verifier) {
    this.verifier = new DkimMimeVerifier(verifier);
  }

  /**
   * Returns assertions that verify with {@code verifier}.
   *
   * @param verifier the verifier, with the resolver that holds the test's keys
   * @return the assertions
   */
  public static DkimAssertions using(DkimVerifier verifier) {
    return new DkimAssertions(Objects.requireNonNull(verifier, "verifier"));
  }

  /**
   * Returns assertions that verify with a {@link DkimVerifier} with default settings that looks
   * keys up in {@code resolver}, such as an {@link org.dkim4j.dns.InMemoryTxtResolver} holding the
   * test's keys.
   *
   * @param resolver where keys are looked up
   * @return the assertions
   */
  public static DkimAssertions using(TxtResolver resolver) {
    return using(DkimVerifier.builder().resolver(resolver).build());
  }

  /**
   * Verifies a raw message and returns assertions on the results.
   *
   * @param message the whole message, header and body, as it would be sent
   * @return assertions on one result per DKIM-Signature field
   */
  public MessageAssert assertThat(byte[] message) {
    return new MessageAssert(verifier.verify(message), describe(message));
  }

  /**
   * Verifies a parsed message as {@link DkimMimeVerifier#verify(MimeMessage)} does and returns
   * assertions on the results.
   *
   * @param message the message, as received or as built
   * @return assertions on one result per DKIM-Signature field
   * @throws IllegalStateException when the message cannot be written, or was changed after it was
   *     received
   * @throws UncheckedIOException when the message cannot be read
   */
  public MessageAssert assertThat(MimeMessage message) {
    try {
      return new MessageAssert(verifier.verify(message), describe(message));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the message: " + e.getMessage(), e);
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot write the message: " + e.getMessage(), e);
    }
  }

  /**
   * Returns assertions on results already obtained.
   *
   * @param results the results of verifying one message
   * @return assertions on those results
   */
  public static MessageAssert assertThat(DkimResults results) {
    return new MessageAssert(Objects.requireNonNull(results, "results"), "");
  }

  /** Assertions on all the DKIM signatures of one message. */
  public static final class MessageAssert {
    private final DkimResults results;
    private final String message;

    private MessageAssert(DkimResults results, String message) {
      this.results = results;
      this.message = message;
    }

    /**
     * Asserts that a signature with {@code d=} equal to {@code domain} (ignoring case) passed.
     *
     * @param domain the signing domain, e.g. {@code example.com}
     * @return this, for further assertions
     * @throws AssertionError listing every signature otherwise
     */
    public MessageAssert hasPassingSignature(String domain) {
      if (!results.passedFor(domain)) {
        throw failure("a passing DKIM signature with d=" + domain);
      }
      return this;
    }

    /**
     * Asserts that at least one signature passed, whatever its domain.
     *
     * @return this, for further assertions
     * @throws AssertionError listing every signature when none passed
     */
    public MessageAssert hasPassingSignature() {
      if (!results.anyPassed()) {
        throw failure("a passing DKIM signature");
      }
      return this;
    }

    /**
     * Asserts that no signature passed (the message may be unsigned).
     *
     * @return this, for further assertions
     * @throws AssertionError listing every signature when one passed
     */
    public MessageAssert hasNoPassingSignature() {
      if (results.anyPassed()) {
        throw failure("no passing DKIM signature");
      }
      return this;
    }

    /**
     * Asserts that the message has no DKIM-Signature field at all.
     *
     * @return this, for further assertions
     * @throws AssertionError listing every signature when there is one
     */
    public MessageAssert isUnsigned() {
      if (!results.results().isEmpty()) {
        throw failure("no DKIM-Signature field");
      }
      return this;
    }

    /**
     * Asserts the number of DKIM-Signature fields.
     *
     * @param count the expected number, 0 for an unsigned message
     * @return this, for further assertions
     * @throws AssertionError listing every signature when the number differs
     */
    public MessageAssert hasSignatureCount(int count) {
      if (results.results().size() != count) {
        throw failure(count + " DKIM signature" + (count == 1 ? "" : "s"));
      }
      return this;
    }

    /**
     * Asserts that there is a signature with {@code d=} equal to {@code domain} (ignoring case) and
     * returns assertions that narrow down which, e.g. {@code .withStatus(DkimStatus.FAIL)}.
     *
     * @param domain the signing domain, e.g. {@code example.com}
     * @return assertions on the signatures with that domain
     * @throws AssertionError listing every signature when none has that domain
     */
    public SignatureAssert hasSignatureFrom(String domain) {
      SignatureAssert signature =
          new SignatureAssert(this, "a DKIM signature with d=" + domain, results.results());
      return signature.matching("", r -> Ascii.equalsIgnoreCase(r.domain(), domain));
    }

    /**
     * Returns the verification results, for checks of your own.
     *
     * @return the results, one per DKIM-Signature field
     */
    public DkimResults results() {
      return results;
    }

    AssertionError failure(String expected) {
      StringBuilder text = new StringBuilder("Expected ").append(expected);
      if (!message.isEmpty()) {
        text.append("\n  in message ").append(message);
      }
      List<DkimResult> all = results.results();
      if (all.isEmpty()) {
        text.append("\n  but the message has no DKIM-Signature field");
      } else {
        text.append("\n  but the message has ")
            .append(all.size())
            .append(all.size() == 1 ? " DKIM signature:" : " DKIM signatures:");
        for (int i = 0; i < all.size(); i++) {
          text.append("\n    ").append(i + 1).append(". ").append(describe(all.get(i)));
        }
      }
      return new AssertionError(text.toString());
    }
  }

  /**
   * Assertions that narrow down the signatures of one domain; each condition keeps the signatures
   * that meet it and fails when none remain.
   */
  public static final class SignatureAssert {
    private final MessageAssert owner;
    private final String expected;
    private final List<DkimResult> candidates;

    private SignatureAssert(MessageAssert owner, String expected, List<DkimResult> candidates) {
      this.owner = owner;
      this.expected = expected;
      this.candidates = candidates;
    }

    /**
     * Keeps the signatures with this status; fails when none has it.
     *
     * @param status the status the signature must have, e.g. {@link DkimStatus#PASS}
     * @return this, narrowed down
     * @throws AssertionError listing every signature when none of those kept has the status
     */
    public SignatureAssert withStatus(DkimStatus status) {
      return matching(" and status " + status.resultName(), r -> r.status() == status);
    }

    /**
     * Keeps the signatures with this selector ({@code s=}, ignoring case).
     *
     * @param selector the selector the signature must have
     * @return this, narrowed down
     * @throws AssertionError listing every signature when none of those kept has the selector
     */
    public SignatureAssert withSelector(String selector) {
      return matching(" and s=" + selector, r -> Ascii.equalsIgnoreCase(r.selector(), selector));
    }

    /**
     * Keeps the signatures with this algorithm ({@code a=}, e.g. {@code ed25519-sha256}).
     *
     * @param algorithm the algorithm the signature must have, compared ignoring case
     * @return this, narrowed down
     * @throws AssertionError listing every signature when none of those kept has the algorithm
     */
    public SignatureAssert withAlgorithm(String algorithm) {
      return matching(" and a=" + algorithm, r -> Ascii.equalsIgnoreCase(r.algorithm(), algorithm));
    }

    /**
     * Keeps the signatures whose reason contains {@code text}.
     *
     * @param text the text the reason must contain, case-sensitive
     * @return this, narrowed down
     * @throws AssertionError listing every signature when no reason of those kept contains it
     */
    public SignatureAssert withReasonContaining(String text) {
      return matching(" and a reason containing \"" + text + "\"", r -> r.reason().contains(text));
    }

    /**
     * Returns to the assertions on the whole message.
     *
     * @return the message assertions this chain started from
     */
    public MessageAssert and() {
      return owner;
    }

    /**
     * Returns the first signature that met every condition.
     *
     * @return the result of the topmost signature kept
     */
    public DkimResult result() {
      return candidates.get(0);
    }

    private SignatureAssert matching(String condition, Predicate<DkimResult> test) {
      List<DkimResult> kept = new ArrayList<>();
      for (DkimResult result : candidates) {
        if (test.test(result)) {
          kept.add(result);
        }
      }
      String description = expected + condition;
      if (kept.isEmpty()) {
        throw owner.failure(description);
      }
      return new SignatureAssert(owner, description, kept);
    }
  }

  private static String describe(DkimResult result) {
    StringBuilder text = new StringBuilder();
    text.append("d=").append(result.domain().isEmpty() ? "?" : result.domain());
    text.append(" s=").append(result.selector().isEmpty() ? "?" : result.selector());
    if (!result.algorithm().isEmpty()) {
      text.append(" a=").append(result.algorithm());
    }
    if (!result.signaturePrefix().isEmpty()) {
      text.append(" b=").append(result.signaturePrefix()).append("...");
    }
    text.append(": ").append(result.status().resultName());
    if (!result.reason().isEmpty()) {
      text.append(" (").append(result.reason()).append(")");
    }
    return text.toString();
  }

  private static String describe(byte[] message) {
    try {
      List<HeaderField> fields = new MessageReader(new ByteArrayInputStream(message)).readHeader();
      List<String> parts = new ArrayList<>();
      for (String name : List.of("From", "Subject", "Message-ID")) {
        for (HeaderField field : fields) {
          if (field.hasName(name)) {
            parts.add(name + ": " + shorten(field.value()));
            break;
          }
        }
      }
      return String.join(", ", parts);
    } catch (IOException e) {
      return "";
    }
  }

  private static String describe(MimeMessage message) {
    List<String> parts = new ArrayList<>();
    for (String name : List.of("From", "Subject", "Message-ID")) {
      try {
        String value = message.getHeader(name, ",");
        if (value != null) {
          parts.add(name + ": " + shorten(value));
        }
      } catch (MessagingException e) {
        // a header we cannot read is left out of the description
      }
    }
    return String.join(", ", parts);
  }

  private static String shorten(String value) {
    String line = value.replaceAll("\\s+", " ").strip();
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }
}
