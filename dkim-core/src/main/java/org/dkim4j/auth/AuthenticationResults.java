package org.dkim4j.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of one Authentication-Results header field (RFC 8601 section 2.2): the authserv-id of
 * the service that did the checks, an optional version and the results, for example {@code
 * mx.example.org; dkim=pass header.d=example.com; dmarc=pass header.from=example.com}. No results
 * is written as {@code mx.example.org; none}.
 *
 * <p>Instances are immutable. Build one with {@link #builder(String)} or read one with {@link
 * #parse(String)}; write it with {@link #format()} (the value alone) or {@link #toHeaderField()}
 * (the folded field). Parsing what either writes gives an equal object.
 *
 * <p>Keywords (methods, results, ptypes, properties) keep the case they were written in, and {@link
 * #equals(Object)} compares them exactly; {@link #resultsFor(String)} and the lookups of {@link
 * ResultEntry} ignore case.
 */
public final class AuthenticationResults {
  /** The header field name, {@value}. */
  public static final String FIELD_NAME = "Authentication-Results";

  private final String authservId;
  private final String version;
  private final List<ResultEntry> results;

  private AuthenticationResults(Builder b) {
    this.authservId = b.authservId;
    this.version = b.version;
    this.results = List.copyOf(b.results);
  }

  /**
   * Starts a value for the given authserv-id (RFC 8601 section 2.5).
   *
   * @param authservId the name of the authentication service, e.g. {@code mx.example.org}; quoted
   *     on output unless it is an RFC 2045 token
   * @return a builder
   * @throws IllegalArgumentException if {@code authservId} is empty or holds control characters
   *     other than TAB
   */
  public static Builder builder(String authservId) {
    return new Builder(authservId);
  }

  /**
   * Parses an Authentication-Results field value by the grammar of RFC 8601 section 2.2.
   *
   * <p>The text may start with the field name and colon, may be folded (CRLF or LF followed by
   * whitespace), may end with one line break, and may carry comments wherever RFC 5322 section
   * 3.2.2 allows CFWS. The first comment right after a result becomes {@link
   * ResultEntry#comment()}; other comments are dropped. The literals {@code none} and {@code
   * reason} are recognised in any case.
   *
   * <p>Two liberties are taken with the grammar, both common in real fields: a {@code ;} may end
   * the value, and an unquoted property value may hold any printable character except {@code ;},
   * {@code (}, {@code )}, {@code "} and {@code \}, so base64 ({@code header.b=ab/c+d=}) and IPv6
   * addresses ({@code policy.iprev=2001:db8::1}) are read as written. The authserv-id and {@code
   * reason} must still be a token or a quoted-string.
   *
   * <p>The parser reads the text once from left to right with bounded look-ahead, so its time is
   * linear in the length of the input, nesting of comments included.
   *
   * @param field the field value, with or without a leading {@code Authentication-Results:}
   * @return the parsed value
   * @throws AuthenticationResultsSyntaxException if the text is not a well-formed value
   * @throws NullPointerException if {@code field} is {@code null}
   */
  public static AuthenticationResults parse(String field) {
    return Parser.parse(field);
  }

  /**
   * Returns the authserv-id, decoded (RFC 8601 section 2.5).
   *
   * @return e.g. {@code mx.example.org}; never empty
   */
  public String authservId() {
    return authservId;
  }

  /**
   * Returns the version written after the authserv-id (RFC 8601 section 2.2 authres-version).
   * Absent means version 1.
   *
   * @return the digits as written, or empty
   */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /**
   * Returns the results in the order they were written (RFC 8601 section 2.2 resinfo).
   *
   * @return an unmodifiable list; empty for {@code none}
   */
  public List<ResultEntry> results() {
    return results;
  }

  /**
   * Returns the results of one method, ignoring case (RFC 8601 section 2.7).
   *
   * @param method e.g. {@code dkim}
   * @return the matching entries in order; possibly empty
   */
  public List<ResultEntry> resultsFor(String method) {
    return results.stream().filter(r -> r.hasMethod(method)).toList();
  }

  /**
   * Returns the field value on one line (RFC 8601 section 2.2): entries are separated by {@code ;
   * }, values are quoted only where needed, and comment text is escaped.
   *
   * @return e.g. {@code mx.example.org; dkim=pass header.d=example.com}
   */
  public String format() {
    return Encoder.join(Encoder.groups(this));
  }

  /**
   * Returns the whole header field, {@code Authentication-Results: value} followed by CRLF, folded
   * as RFC 5322 section 2.2.3 describes so that no line exceeds 78 characters where it can be
   * helped.
   *
   * <p>A field that fits on one line stays on one line. Otherwise each resinfo starts a new line,
   * and properties, comments and values wrap to further lines. A line break (CRLF followed by one
   * space) is only ever put in front of an existing space, so unfolding restores {@link #format()}
   * exactly. A word with no space in it that is longer than a line is written whole.
   *
   * @return the folded field, ending in CRLF
   */
  public String toHeaderField() {
    return Folder.fold(FIELD_NAME, Encoder.groups(this));
  }

  /** Returns {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }

  /** Two values are equal when authserv-id, version and results are equal, case included. */
  @Override
  public boolean equals(Object o) {
    return o instanceof AuthenticationResults a
        && authservId.equals(a.authservId)
        && Objects.equals(version, a.version)
        && results.equals(a.results);
  }

  @Override
  public int hashCode() {
    return Objects.hash(authservId, version, results);
  }

  /** Collects the parts of an {@link AuthenticationResults}; each setter checks its argument. */
  public static final class Builder {
    private final String authservId;
    private String version;
    private final List<ResultEntry> results = new ArrayList<>();

    private Builder(String authservId) {
      Syntax.requireText(authservId, "authserv-id");
      if (authservId.isEmpty()) {
        throw new IllegalArgumentException("authserv-id must not be empty");
      }
      this.authservId = authservId;
    }

    /**
     * Sets the version written after the authserv-id (RFC 8601 section 2.2 authres-version).
     *
     * @param version one or more digits, e.g. {@code 1}
     * @return this builder
     * @throws IllegalArgumentException if {@code version} is not all digits
     */
    public Builder version(String version) {
      this.version = Syntax.requireDigits(version, "version");
      return this;
    }

    /**
     * Appends a result (RFC 8601 section 2.2 resinfo).
     *
     * @param entry the result
     * @return this builder
     */
    public Builder add(ResultEntry entry) {
      results.add(Objects.requireNonNull(entry, "entry"));
      return this;
    }

    /**
     * Creates the value; with no results it is written as {@code none}.
     *
     * @return a new immutable value
     */
    public AuthenticationResults build() {
      return new AuthenticationResults(this);
    }
  }
}
