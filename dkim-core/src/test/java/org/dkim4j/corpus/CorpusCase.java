package org.dkim4j.corpus;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.dns.TxtResolver;

/**
 * One expectation recorded by a corpus: a message, the fake DNS and verifier settings its upstream
 * harness used, which part of the results the expectation is about, upstream's expectation mapped
 * to RFC 8601 result names, and the corpus's own RFC-level reading where it records one.
 */
final class CorpusCase {

  final String name;
  final String title;
  final Supplier<byte[]> message;
  final TxtResolver resolver;
  final UnaryOperator<DkimVerifier.Builder> settings;
  final Scope scope;
  final Expectation upstream;
  final Expectation rfc;

  private CorpusCase(Builder b) {
    this.name = Objects.requireNonNull(b.name);
    this.title = b.title;
    this.message = Objects.requireNonNull(b.message);
    this.resolver = Objects.requireNonNull(b.resolver);
    this.settings = b.settings;
    this.scope = b.scope;
    this.upstream = Objects.requireNonNull(b.upstream, () -> b.name + ": no upstream expectation");
    this.rfc = b.rfc;
  }

  /** Starts a case; the message is read (or built) once, when first needed. */
  static Builder named(String name, Supplier<byte[]> message, TxtResolver resolver) {
    return new Builder(name, memoize(message), resolver);
  }

  private static Supplier<byte[]> memoize(Supplier<byte[]> supplier) {
    byte[][] cache = new byte[1][];
    return () -> {
      if (cache[0] == null) {
        cache[0] = supplier.get();
      }
      return cache[0].clone();
    };
  }

  /** The name shown for the test: the case name (the DEVIATIONS key) and the title, if any. */
  String displayName() {
    return title.isEmpty() ? name : name + " - " + title;
  }

  @Override
  public String toString() {
    return name;
  }

  static final class Builder {
    private final String name;
    private final Supplier<byte[]> message;
    private final TxtResolver resolver;
    private String title = "";
    private UnaryOperator<DkimVerifier.Builder> settings = b -> b;
    private Scope scope = Scope.message();
    private Expectation upstream;
    private Expectation rfc;

    private Builder(String name, Supplier<byte[]> message, TxtResolver resolver) {
      this.name = name;
      this.message = message;
      this.resolver = resolver;
    }

    /** A description shown after the name, e.g. upstream's test title. */
    Builder title(String title) {
      this.title = Objects.requireNonNull(title);
      return this;
    }

    /** Verifier settings of the upstream harness (clock, limits); default: our defaults. */
    Builder settings(UnaryOperator<DkimVerifier.Builder> settings) {
      this.settings = settings;
      return this;
    }

    /** The part of the results compared (default: the message summary). */
    Builder scope(Scope scope) {
      this.scope = scope;
      return this;
    }

    /** Upstream's expectation, in RFC 8601 result names. */
    Builder upstream(Expectation upstream) {
      this.upstream = upstream;
      return this;
    }

    /** The corpus's RFC-level reading, where it records one that differs from upstream's. */
    Builder rfc(Expectation rfc) {
      this.rfc = rfc;
      return this;
    }

    CorpusCase build() {
      return new CorpusCase(this);
    }
  }
}
