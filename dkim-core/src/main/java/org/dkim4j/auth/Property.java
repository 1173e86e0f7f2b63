package org.dkim4j.auth;

/**
 * One propspec of a resinfo, {@code ptype.property=pvalue} (RFC 8601 sections 2.2 and 2.3), such as
 * {@code header.d=example.com} or {@code smtp.mailfrom=sender@example.net}.
 *
 * <p>The ptype and property are RFC 5321 Keywords (letters, digits, hyphen) and are kept as
 * written; the value is the decoded pvalue (no quotes or escapes) and may be any text without
 * control characters other than TAB.
 *
 * @param type the ptype, e.g. {@code header}, {@code smtp}, {@code policy}
 * @param name the property, e.g. {@code d}, {@code mailfrom}
 * @param value the decoded value, e.g. {@code example.com}; may be empty
 */
public record Property(String type, String name, String value) {

  /**
   * Creates a property after checking each part against RFC 8601 section 2.2.
   *
   * @param type the ptype
   * @param name the property
   * @param value the decoded value
   * @throws IllegalArgumentException if {@code type} or {@code name} is not a Keyword, or {@code
   *     value} contains control characters other than TAB
   * @throws NullPointerException if any argument is {@code null}
   */
  public Property {
    Syntax.requireKeyword(type, "ptype");
    Syntax.requireKeyword(name, "property");
    Syntax.requireText(value, "property value");
  }

  /**
   * Returns {@code ptype.property}, the name this property is looked up by.
   *
   * @return e.g. {@code header.d}
   */
  public String key() {
    return type + "." + name;
  }

  /**
   * Returns the propspec as written in a header field, with the value quoted where RFC 8601 section
   * 2.2 requires it.
   *
   * @return e.g. {@code header.d=example.com} or {@code header.b="ab/cd"}
   */
  @Override
  public String toString() {
    return key() + "=" + Encoder.pvalue(value);
  }
}
