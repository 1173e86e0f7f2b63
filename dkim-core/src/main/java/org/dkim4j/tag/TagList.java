package org.dkim4j.tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code tag=value} list, as used by DKIM-Signature fields and DKIM key records (RFC 6376
 * section 3.2) and by DMARC records (RFC 7489 section 6.4).
 *
 * <p>Tag names are case-sensitive; values keep their inner whitespace but lose leading and trailing
 * whitespace (including folding). The order of tags is kept. A duplicate tag makes the whole list
 * invalid, as section 3.2 requires.
 */
public final class TagList {

  private final Map<String, String> tags;

  private TagList(Map<String, String> tags) {
    this.tags = Collections.unmodifiableMap(tags);
  }

  /**
   * Parses a tag list.
   *
   * @param text the tag list, e.g. a DKIM-Signature field body or a key record; folding allowed
   * @return the parsed list
   * @throws TagSyntaxException when a tag name is not {@code ALPHA *(ALPHA / DIGIT / "_")}, a
   *     tag-spec has no {@code =}, or a tag appears twice
   */
  public static TagList parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    String string = text.toString(); // String's own searches are much faster than charAt loops
    Map<String, String> tags = new LinkedHashMap<>();
    int length = string.length();
    int start = 0;
    while (start <= length) {
      int end = string.indexOf(';', start);
      if (end < 0) {
        end = length;
      }
      parseSpec(string, start, end, tags);
      start = end + 1;
    }
    return new TagList(tags);
  }

  private static void parseSpec(String text, int start, int end, Map<String, String> tags) {
    int from = skipWhitespace(text, start, end);
    int to = trimWhitespace(text, from, end);
    if (from == to) {
      if (end == text.length()) {
        return; // an empty list, or the trailing ";" that section 3.2 allows
      }
      throw new TagSyntaxException("empty tag-spec at offset " + start);
    }
    int equals = text.indexOf('=', from);
    if (equals < 0 || equals >= to) {
      throw new TagSyntaxException(
          "tag-spec \"" + abbreviate(text.subSequence(from, to)) + "\" has no '='");
    }
    String name = text.substring(from, trimWhitespace(text, from, equals));
    if (!isTagName(name)) {
      throw new TagSyntaxException("invalid tag name \"" + abbreviate(name) + "\"");
    }
    int valueStart = skipWhitespace(text, equals + 1, to);
    String value = text.substring(valueStart, to);
    if (tags.putIfAbsent(name, value) != null) {
      throw new TagSyntaxException("duplicate tag " + name + "=");
    }
  }

  /**
   * Returns true when {@code name} is a valid tag name: {@code ALPHA *ALNUMPUNC}.
   *
   * @param name the candidate name
   * @return {@code true} if the name is valid
   */
  public static boolean isTagName(String name) {
    if (name.isEmpty() || !isAlpha(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Returns the value of {@code name}, if present.
   *
   * @param name the tag name, case-sensitive
   * @return the value, or empty when the tag is absent
   */
  public Optional<String> get(String name) {
    return Optional.ofNullable(tags.get(name));
  }

  /**
   * Returns the value of {@code name}, or {@code null} when absent.
   *
   * @param name the tag name, case-sensitive
   * @return the value, possibly empty, or {@code null}
   */
  public String getOrNull(String name) {
    return tags.get(name);
  }

  /**
   * Returns true when the list has a tag called {@code name}.
   *
   * @param name the tag name, case-sensitive
   * @return {@code true} if the tag is present, even with an empty value
   */
  public boolean contains(String name) {
    return tags.containsKey(name);
  }

  /**
   * Returns the tag names in the order they appeared.
   *
   * @return an unmodifiable list of names
   */
  public List<String> names() {
    return List.copyOf(tags.keySet());
  }

  /**
   * Returns the tags as an unmodifiable, ordered map from name to value.
   *
   * @return the map, iterating in the order the tags appeared
   */
  public Map<String, String> asMap() {
    return tags;
  }

  /**
   * Returns the number of tags.
   *
   * @return the number of tags, 0 for an empty list
   */
  public int size() {
    return tags.size();
  }

  /**
   * Returns a builder for writing a tag list.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Formats the list as {@code name=value; name=value} (no trailing semicolon).
   *
   * @return the formatted list, empty for a list without tags
   */
  public String format() {
    List<String> parts = new ArrayList<>(tags.size());
    tags.forEach((name, value) -> parts.add(name + "=" + value));
    return String.join("; ", parts);
  }

  @Override
  public String toString() {
    return format();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TagList other && tags.equals(other.tags);
  }

  @Override
  public int hashCode() {
    return tags.hashCode();
  }

  /** Builds a tag list in the order tags are added. */
  public static final class Builder {
    private final Map<String, String> tags = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a tag. Leading and trailing whitespace (SP, HTAB, CR, LF, as in {@link #parse}) is
     * removed from the value; any other character is kept.
     *
     * @param name the tag name, e.g. {@code v}
     * @param value the value, stripped of leading and trailing whitespace
     * @return this builder
     * @throws IllegalArgumentException for an invalid name, a value containing {@code ;}, or a
     *     duplicate
     */
    public Builder add(String name, String value) {
      if (!isTagName(name)) {
        throw new IllegalArgumentException("invalid tag name: " + name);
      }
      if (value.indexOf(';') >= 0) {
        throw new IllegalArgumentException("a tag value cannot contain ';': " + name);
      }
      int end = trimWhitespace(value, 0, value.length());
      if (tags.putIfAbsent(name, value.substring(skipWhitespace(value, 0, end), end)) != null) {
        throw new IllegalArgumentException("duplicate tag: " + name);
      }
      return this;
    }

    /**
     * Returns the list.
     *
     * @return the list, in the order the tags were added
     */
    public TagList build() {
      return new TagList(new LinkedHashMap<>(tags));
    }
  }

  /**
   * Removes leading and trailing whitespace as tag lists see it: SP, HTAB, CR and LF, the folding
   * whitespace RFC 6376 section 3.2 allows around values and list items. Unlike {@link
   * String#strip()}, it keeps control characters such as U+001D and Unicode spaces, which make a
   * value invalid rather than disappear.
   *
   * @param value a tag value or an item of a list inside one
   * @return the value without surrounding folding whitespace; {@code value} itself when there is
   *     none
   */
  public static String trimWhitespace(String value) {
    int to = trimWhitespace(value, 0, value.length());
    int from = skipWhitespace(value, 0, to);
    return from == 0 && to == value.length() ? value : value.substring(from, to);
  }

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static int skipWhitespace(String text, int from, int to) {
    while (from < to && isWhitespace(text.charAt(from))) {
      from++;
    }
    return from;
  }

  private static int trimWhitespace(String text, int from, int to) {
    while (to > from && isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  private static String abbreviate(CharSequence s) {
    return s.length() <= 40 ? s.toString() : s.subSequence(0, 40) + "...";
  }
}
