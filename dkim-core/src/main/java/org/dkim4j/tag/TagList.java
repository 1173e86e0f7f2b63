package org.dkim4j.tag;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A parsed {@code tag=value} list, as used by DKIM-Signature fields and DKIM key records (RFC 6376
 * section 3.2) and by DMARC records (RFC 7489 section 6.4).
 *
 * <p>Tag names are case-sensitive; values keep their inner whitespace but lose leading and trailing
 * whitespace (including folding). The order of tags is kept. A duplicate tag makes the whole list
 * invalid, as section 3.2 requires.
 */
public final class TagList {

  /** Beyond this many tags, duplicates are found with a set rather than by comparing each pair. */
  private static final int SMALL = 16;

  /** One-letter names, shared: most tags of DKIM-Signature fields and key records are one. */
  private static final String[] LETTERS = letters();

  private final String[] names;
  private final String[] values;

  private TagList(String[] names, String[] values) {
    this.names = names;
    this.values = values;
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
    Parser parser = new Parser(string);
    int length = string.length();
    int start = 0;
    while (start <= length) {
      int end = string.indexOf(';', start);
      if (end < 0) {
        end = length;
      }
      parser.spec(start, end);
      start = end + 1;
    }
    return parser.build();
  }

  /** Collects the tags of one list in arrays, in order, refusing duplicates. */
  private static final class Parser {
    private final String text;
    private String[] names = new String[SMALL];
    private String[] values = new String[SMALL];
    private int size;
    private Set<String> seen;

    /** Bit {@code c - 'a'} is set once the one-letter name {@code c} was seen. */
    private int letters;

    Parser(String text) {
      this.text = text;
    }

    void spec(int start, int end) {
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
      String name = name(text, from, trimWhitespace(text, from, equals));
      if (!isTagName(name)) {
        throw new TagSyntaxException("invalid tag name \"" + abbreviate(name) + "\"");
      }
      if (isDuplicate(name)) {
        throw new TagSyntaxException("duplicate tag " + name + "=");
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = text.substring(skipWhitespace(text, equals + 1, to), to);
      size++;
    }

    private boolean isDuplicate(String name) {
      if (name.length() == 1) {
        int letter = name.charAt(0) - 'a';
        if (letter >= 0 && letter < 26) {
          int bit = 1 << letter;
          boolean duplicate = (letters & bit) != 0;
          letters |= bit;
          return duplicate; // one-letter names, most of DKIM's, compared in one step
        }
      }
      if (seen != null) {
        return !seen.add(name);
      }
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return true;
        }
      }
      if (size == SMALL) {
        seen = new HashSet<>(Arrays.asList(names).subList(0, size));
        seen.add(name);
      }
      return false;
    }

    TagList build() {
      return new TagList(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
    }
  }

  /** The name between {@code from} and {@code to}: a shared string for one lower-case letter. */
  private static String name(String text, int from, int to) {
    if (to - from == 1) {
      char c = text.charAt(from);
      if (c >= 'a' && c <= 'z') {
        return LETTERS[c - 'a'];
      }
    }
    return text.substring(from, to);
  }

  private static String[] letters() {
    String[] letters = new String[26];
    for (char c = 'a'; c <= 'z'; c++) {
      letters[c - 'a'] = String.valueOf(c);
    }
    return letters;
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
    return Optional.ofNullable(getOrNull(name));
  }

  /**
   * Returns the value of {@code name}, or {@code null} when absent.
   *
   * @param name the tag name, case-sensitive
   * @return the value, possibly empty, or {@code null}
   */
  public String getOrNull(String name) {
    int index = indexOf(name);
    return index < 0 ? null : values[index];
  }

  /**
   * Returns true when the list has a tag called {@code name}.
   *
   * @param name the tag name, case-sensitive
   * @return {@code true} if the tag is present, even with an empty value
   */
  public boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  private int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the name of the tag at {@code index}, counting from 0 in the order the tags appeared:
   * with {@link #value(int)}, a way to read every tag in one pass.
   *
   * @param index from 0 to {@link #size()} - 1
   * @return the tag name
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
   */
  public String name(int index) {
    return names[Objects.checkIndex(index, names.length)];
  }

  /**
   * Returns the value of the tag at {@code index}, counting from 0 in the order the tags appeared.
   *
   * @param index from 0 to {@link #size()} - 1
   * @return the value, possibly empty
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
   */
  public String value(int index) {
    return values[Objects.checkIndex(index, values.length)];
  }

  /**
   * Returns the tag names in the order they appeared.
   *
   * @return an unmodifiable list of names
   */
  public List<String> names() {
    return List.of(names);
  }

  /**
   * Returns the tags as an unmodifiable, ordered map from name to value.
   *
   * @return a map iterating in the order the tags appeared
   */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], values[i]);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * Returns the number of tags.
   *
   * @return the number of tags, 0 for an empty list
   */
  public int size() {
    return names.length;
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
    StringJoiner joiner = new StringJoiner("; ");
    for (int i = 0; i < names.length; i++) {
      joiner.add(names[i] + "=" + values[i]);
    }
    return joiner.toString();
  }

  @Override
  public String toString() {
    return format();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TagList other && asMap().equals(other.asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
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
      return new TagList(
          tags.keySet().toArray(new String[0]), tags.values().toArray(new String[0]));
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
