package org.dkim4j.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One resinfo of an Authentication-Results field (RFC 8601 section 2.2): the method and its result,
 * an optional reason, an optional comment and the ordered properties, as in {@code dkim=fail (body
 * hash did not verify) header.d=example.com header.s=sel}.
 *
 * <p>Method, result, ptype and property names are RFC 5321 Keywords. They are kept as written, so
 * {@link #equals(Object)} tells {@code DKIM=Pass} from {@code dkim=pass}; the lookups {@link
 * #hasMethod(String)}, {@link #hasResult(String)} and {@link #property(String)} ignore case, as
 * ABNF literals do (RFC 5234 section 2.3).
 *
 * <p>Instances are immutable; create them with {@link #builder(String, String)} or {@link
 * #of(String, String)}.
 */
public final class ResultEntry {
  private final String method;
  private final String methodVersion;
  private final String result;
  private final String reason;
  private final String comment;
  private final List<Property> properties;

  private ResultEntry(Builder b) {
    this.method = b.method;
    this.methodVersion = b.methodVersion;
    this.result = b.result;
    this.reason = b.reason;
    this.comment = b.comment;
    this.properties = List.copyOf(b.properties);
  }

  /**
   * Returns a resinfo with only a method and a result, such as {@code dkim=none}.
   *
   * @param method the method, e.g. {@code dkim} (RFC 8601 section 2.7)
   * @param result the result, e.g. {@code pass} (RFC 8601 section 2.6)
   * @return the entry
   * @throws IllegalArgumentException if either is not a Keyword
   */
  public static ResultEntry of(String method, String result) {
    return builder(method, result).build();
  }

  /**
   * Starts a resinfo for {@code method=result} (RFC 8601 section 2.2 methodspec).
   *
   * @param method the method, e.g. {@code dkim} (RFC 8601 section 2.7)
   * @param result the result, e.g. {@code pass} (RFC 8601 section 2.6)
   * @return a builder
   * @throws IllegalArgumentException if either is not a Keyword
   */
  public static Builder builder(String method, String result) {
    return new Builder(method, result);
  }

  /**
   * Returns the method without its version (RFC 8601 sections 2.2 and 2.7).
   *
   * @return e.g. {@code dkim}, as written
   */
  public String method() {
    return method;
  }

  /**
   * Returns the method version, the digits after {@code /} in {@code dkim/1=pass} (RFC 8601 section
   * 2.2 method-version). Absent means version 1.
   *
   * @return the digits as written, or empty
   */
  public Optional<String> methodVersion() {
    return Optional.ofNullable(methodVersion);
  }

  /**
   * Returns the result (RFC 8601 section 2.6).
   *
   * @return e.g. {@code pass}, as written
   */
  public String result() {
    return result;
  }

  /**
   * Returns the decoded value of {@code reason=} (RFC 8601 section 2.2 reasonspec).
   *
   * @return the reason, or empty
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * Returns the comment written right after the result, as in {@code dkim=fail (body hash did not
   * verify)}. RFC 8601 section 2.2 allows comments (RFC 5322 section 3.2.2) in many places; only
   * this one is kept. Quoted-pairs are decoded and parentheses of nested comments are kept as text.
   *
   * @return the comment text without the outer parentheses, or empty
   */
  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }

  /**
   * Returns the properties in the order they were written (RFC 8601 sections 2.2 and 2.3).
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<Property> properties() {
    return properties;
  }

  /**
   * Returns the value of the first property with the given {@code ptype.property}, ignoring case
   * (RFC 8601 section 2.3).
   *
   * @param key e.g. {@code header.d}
   * @return the decoded value, or empty if there is no such property
   * @throws IllegalArgumentException if {@code key} has no {@code .}
   */
  public Optional<String> property(String key) {
    int dot = key.indexOf('.');
    if (dot < 0) {
      throw new IllegalArgumentException("property key must be ptype.property, got " + key);
    }
    String type = key.substring(0, dot);
    String name = key.substring(dot + 1);
    return properties.stream()
        .filter(p -> p.type().equalsIgnoreCase(type) && p.name().equalsIgnoreCase(name))
        .map(Property::value)
        .findFirst();
  }

  /**
   * Tells whether this entry reports the given method, ignoring case (RFC 8601 section 2.7).
   *
   * @param name e.g. {@code dkim}
   * @return {@code true} if {@link #method()} equals {@code name} ignoring case
   */
  public boolean hasMethod(String name) {
    return method.equalsIgnoreCase(name);
  }

  /**
   * Tells whether this entry has the given result, ignoring case (RFC 8601 section 2.6).
   *
   * @param value e.g. {@code pass}
   * @return {@code true} if {@link #result()} equals {@code value} ignoring case
   */
  public boolean hasResult(String value) {
    return result.equalsIgnoreCase(value);
  }

  /**
   * Returns the resinfo as written in a header field, without the leading {@code ;} (RFC 8601
   * section 2.2).
   *
   * @return e.g. {@code dkim=fail (bad hash) reason="no key" header.d=example.com}
   */
  public String format() {
    return String.join(" ", Encoder.units(this));
  }

  /** Returns {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }

  /** Two entries are equal when every part is equal, case included. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ResultEntry e
        && method.equals(e.method)
        && Objects.equals(methodVersion, e.methodVersion)
        && result.equals(e.result)
        && Objects.equals(reason, e.reason)
        && Objects.equals(comment, e.comment)
        && properties.equals(e.properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, methodVersion, result, reason, comment, properties);
  }

  /** Collects the parts of a {@link ResultEntry}; each setter checks its argument at once. */
  public static final class Builder {
    private final String method;
    private final String result;
    private String methodVersion;
    private String reason;
    private String comment;
    private final List<Property> properties = new ArrayList<>();

    private Builder(String method, String result) {
      this.method = Syntax.requireKeyword(method, "method");
      this.result = Syntax.requireKeyword(result, "result");
    }

    /**
     * Sets the method version, written as {@code method/version} (RFC 8601 section 2.2).
     *
     * @param version one or more digits, e.g. {@code 1}
     * @return this builder
     * @throws IllegalArgumentException if {@code version} is not all digits
     */
    public Builder methodVersion(String version) {
      this.methodVersion = Syntax.requireDigits(version, "method version");
      return this;
    }

    /**
     * Sets the {@code reason=} value (RFC 8601 section 2.2 reasonspec). It is quoted on output
     * unless it is an RFC 2045 token.
     *
     * @param reason free text without control characters other than TAB; may be empty
     * @return this builder
     * @throws IllegalArgumentException if {@code reason} holds other control characters
     */
    public Builder reason(String reason) {
      this.reason = Syntax.requireText(reason, "reason");
      return this;
    }

    /**
     * Sets the comment written right after the result (RFC 5322 section 3.2.2). Parentheses and
     * backslashes are escaped on output.
     *
     * @param comment free text without control characters other than TAB; may be empty
     * @return this builder
     * @throws IllegalArgumentException if {@code comment} holds other control characters
     */
    public Builder comment(String comment) {
      this.comment = Syntax.requireText(comment, "comment");
      return this;
    }

    /**
     * Appends a property (RFC 8601 section 2.2 propspec).
     *
     * @param property the property
     * @return this builder
     */
    public Builder property(Property property) {
      properties.add(Objects.requireNonNull(property, "property"));
      return this;
    }

    /**
     * Appends the property {@code type.name=value} (RFC 8601 section 2.2 propspec).
     *
     * @param type the ptype, e.g. {@code header}
     * @param name the property, e.g. {@code d}
     * @param value the decoded value, e.g. {@code example.com}
     * @return this builder
     * @throws IllegalArgumentException as {@link Property#Property(String, String, String)} does
     */
    public Builder property(String type, String name, String value) {
      return property(new Property(type, name, value));
    }

    /**
     * Appends the property {@code key=value}, where {@code key} is {@code ptype.property} (RFC 8601
     * section 2.2 propspec).
     *
     * @param key e.g. {@code header.d}
     * @param value the decoded value, e.g. {@code example.com}
     * @return this builder
     * @throws IllegalArgumentException if {@code key} is not two Keywords joined by {@code .}, or
     *     as {@link Property#Property(String, String, String)} does
     */
    public Builder property(String key, String value) {
      int dot = key.indexOf('.');
      if (dot < 0) {
        throw new IllegalArgumentException("property key must be ptype.property, got " + key);
      }
      return property(key.substring(0, dot), key.substring(dot + 1), value);
    }

    /**
     * Creates the entry.
     *
     * @return a new immutable entry
     */
    public ResultEntry build() {
      return new ResultEntry(this);
    }
  }
}
