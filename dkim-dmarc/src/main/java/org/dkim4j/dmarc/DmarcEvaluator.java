package org.dkim4j.dmarc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.message.MessageLimits;

/**
 * Evaluates DMARC (RFC 7489 section 6.6, RFC 9989) for received messages. Build one with {@link
 * #builder()} and share it: it is immutable and thread-safe.
 *
 * <pre>{@code
 * DmarcEvaluator evaluator = DmarcEvaluator.builder().resolver(resolver).build();
 * DmarcEvaluation evaluation =
 *     evaluator.evaluate(inputStream, SpfInput.of("bounce.example.com", SpfResult.PASS));
 * evaluation.verdict().disposition();                       // NONE, QUARANTINE or REJECT
 * evaluation.authenticationResults("mx.example.org");       // dkim=...; dmarc=...
 * }</pre>
 *
 * <p>The stream is read once: the DKIM verifier consumes it while a tee keeps a copy of the header
 * section only (bounded by the message limits), from which the From field is read afterwards. The
 * header is thus held twice in memory and parsed twice; the body is never held.
 *
 * <p>DNS is reached only through the {@link TxtResolver}, at most {@link
 * Builder#maxDnsLookups(int)} distinct names per message for DMARC (DKIM key lookups are bounded by
 * the verifier). Bad input never throws: it gives a verdict with reasons.
 */
public final class DmarcEvaluator {

  private final TxtResolver resolver;
  private final DkimVerifier dkimVerifier;
  private final OrganizationalDomainStrategy strategy;
  private final RandomGenerator random;
  private final int maxDnsLookups;
  private final MessageLimits messageLimits;

  private DmarcEvaluator(Builder b) {
    this.resolver =
        Objects.requireNonNull(b.resolver, "resolver: call resolver(...) on the builder");
    this.dkimVerifier =
        b.dkimVerifier != null ? b.dkimVerifier : DkimVerifier.builder().resolver(resolver).build();
    this.strategy = b.strategy;
    this.random = b.random;
    this.maxDnsLookups = b.maxDnsLookups;
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
   * Verifies the DKIM signatures of a raw RFC 5322 message and evaluates DMARC, reading the stream
   * once to its end. The stream is not closed.
   *
   * @param rawMessage the message as received
   * @param spf the SPF outcome for the message's MAIL FROM (or HELO) domain
   * @return the DKIM results and the DMARC verdict
   * @throws IOException only when reading the stream fails
   */
  public DmarcEvaluation evaluate(InputStream rawMessage, SpfInput spf) throws IOException {
    Objects.requireNonNull(spf, "spf");
    HeaderCapture capture = new HeaderCapture(rawMessage, messageLimits.maxHeaderBytes());
    DkimResults dkim = dkimVerifier.verify(capture);
    capture.completeHeader();
    AuthorDomain author = capture.author(messageLimits);
    return new DmarcEvaluation(dkim, evaluate(author, dkim, spf));
  }

  /**
   * Like {@link #evaluate(InputStream, SpfInput)}, for a message given as bytes.
   *
   * @param rawMessage the message as received, header and body
   * @param spf the SPF outcome for the message's MAIL FROM (or HELO) domain
   * @return the DKIM results and the DMARC verdict
   */
  public DmarcEvaluation evaluate(byte[] rawMessage, SpfInput spf) {
    try {
      return evaluate(new ByteArrayInputStream(rawMessage), spf);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen with a byte array
    }
  }

  /**
   * Evaluates DMARC for a caller who already has the DKIM results and the From domain.
   *
   * @param authorDomain the domain of the From field's address (see {@link AuthorDomain} for how to
   *     get it from a header); U-labels are accepted
   * @param dkim the DKIM results of the message
   * @param spf the SPF outcome for the message's MAIL FROM (or HELO) domain
   * @return the verdict; {@link DmarcResult#PERMERROR} when {@code authorDomain} is not a domain
   *     name
   */
  public DmarcVerdict evaluate(String authorDomain, DkimResults dkim, SpfInput spf) {
    return evaluate(AuthorDomain.of(authorDomain), dkim, spf);
  }

  /**
   * Evaluates DMARC for an Author Domain and the DKIM results of the message.
   *
   * @param author the Author Domain, or the reason the message has none
   * @param dkim the DKIM results of the message
   * @param spf the SPF outcome for the message's MAIL FROM (or HELO) domain
   * @return the verdict
   */
  public DmarcVerdict evaluate(AuthorDomain author, DkimResults dkim, SpfInput spf) {
    List<String> passing = new ArrayList<>();
    for (DkimResult result : dkim) {
      if (result.passed()) {
        passing.add(result.domain());
      }
    }
    return evaluate(author, passing, spf);
  }

  /**
   * Evaluates DMARC when DKIM was verified elsewhere (e.g. by an MTA filter).
   *
   * @param author the Author Domain, or the reason the message has none
   * @param passingDkimDomains the {@code d=} of every DKIM signature that passed
   * @param spf the SPF outcome for the message's MAIL FROM (or HELO) domain
   * @return the verdict
   */
  public DmarcVerdict evaluate(
      AuthorDomain author, Collection<String> passingDkimDomains, SpfInput spf) {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(passingDkimDomains, "passingDkimDomains");
    Objects.requireNonNull(spf, "spf");
    RandomGenerator sampler = random != null ? random : ThreadLocalRandom.current();
    DnsLookups lookups = new DnsLookups(resolver, maxDnsLookups);
    return new Evaluation(strategy, sampler, lookups, author).run(passingDkimDomains, spf);
  }

  @Override
  public String toString() {
    return "DmarcEvaluator[" + strategy + ", maxDnsLookups=" + maxDnsLookups + "]";
  }

  /**
   * Settings for a {@link DmarcEvaluator}. Every setting has a safe default except the resolver.
   */
  public static final class Builder {
    private TxtResolver resolver;
    private DkimVerifier dkimVerifier;
    private OrganizationalDomainStrategy strategy = OrganizationalDomainStrategy.treeWalk();
    private RandomGenerator random;
    private int maxDnsLookups = 16;
    private MessageLimits messageLimits = MessageLimits.DEFAULT;

    private Builder() {}

    /**
     * Sets where DMARC records (and, by default, DKIM keys) are looked up (required).
     *
     * @param resolver answers TXT queries for {@code _dmarc} names
     * @return this builder
     */
    public Builder resolver(TxtResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Sets the DKIM verifier for {@link #evaluate(InputStream, SpfInput)} (default: one with
     * default settings and this builder's resolver).
     *
     * @param verifier verifies the signatures, looking keys up through its own resolver
     * @return this builder
     */
    public Builder dkimVerifier(DkimVerifier verifier) {
      this.dkimVerifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * Sets how Organizational Domains are found (default {@link
     * OrganizationalDomainStrategy#treeWalk()}, RFC 9989).
     *
     * @param strategy the DNS Tree Walk or a Public Suffix List
     * @return this builder
     */
    public Builder organizationalDomains(OrganizationalDomainStrategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Sets the random source for {@code pct=} sampling (RFC 7489 section 6.6.4); default {@link
     * ThreadLocalRandom}. It is called from every thread that evaluates, so it must be thread-safe
     * (tests pass a fixed one).
     *
     * @param random a thread-safe random source
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Sets how many distinct DNS names DMARC may look up per message (default 16): up to 8 for the
     * tree walk from the Author Domain, the rest for relaxed alignment of other identifiers and for
     * the existence check behind {@code np=}. Past the limit, policy discovery gives {@code
     * permerror} and an unchecked identifier does not align.
     *
     * @param max the number of names, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public Builder maxDnsLookups(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxDnsLookups must be at least 1");
      }
      this.maxDnsLookups = max;
      return this;
    }

    /**
     * Sets the bounds on the header section read for the From field (default: core's).
     *
     * @param limits the bounds; a header section beyond them gives {@link DmarcResult#PERMERROR}
     * @return this builder
     */
    public Builder messageLimits(MessageLimits limits) {
      this.messageLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Returns the evaluator.
     *
     * @return an immutable, thread-safe evaluator
     * @throws NullPointerException when no resolver was set
     */
    public DmarcEvaluator build() {
      return new DmarcEvaluator(this);
    }
  }
}
