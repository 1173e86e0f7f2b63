package org.dkim4j.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader (RFC 8259) for test data. Objects become {@link LinkedHashMap}s that keep
 * member order, arrays {@link List}s, strings {@link String}s, numbers {@link Long} (integers) or
 * {@link Double}, {@code true}/{@code false} {@link Boolean}s and {@code null} {@code null}.
 */
public final class Json {
  private final String in;
  private int pos;

  private Json(String in) {
    this.in = in;
  }

  /**
   * Parses one JSON text.
   *
   * @throws IllegalArgumentException if {@code text} is not valid JSON
   */
  public static Object parse(String text) {
    Json json = new Json(text);
    Object value = json.value();
    json.skipWhitespace();
    if (json.pos != text.length()) {
      throw json.error("trailing text");
    }
    return value;
  }

  /** Casts a parsed value to an object, failing clearly if it is something else. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("not a JSON object: " + value);
    }
    return (Map<String, Object>) value;
  }

  /** Casts a parsed value to an array, failing clearly if it is something else. */
  @SuppressWarnings("unchecked")
  public static List<Object> array(Object value) {
    if (!(value instanceof List)) {
      throw new IllegalArgumentException("not a JSON array: " + value);
    }
    return (List<Object>) value;
  }

  private Object value() {
    skipWhitespace();
    if (pos >= in.length()) {
      throw error("expected a value");
    }
    char c = in.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> members = new LinkedHashMap<>();
    pos++;
    skipWhitespace();
    if (consume('}')) {
      return members;
    }
    do {
      skipWhitespace();
      if (pos >= in.length() || in.charAt(pos) != '"') {
        throw error("expected a member name");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      if (members.containsKey(name)) {
        throw error("duplicate member " + name);
      }
      members.put(name, value());
      skipWhitespace();
    } while (consume(','));
    expect('}');
    return members;
  }

  private List<Object> array() {
    List<Object> items = new ArrayList<>();
    pos++;
    skipWhitespace();
    if (consume(']')) {
      return items;
    }
    do {
      items.add(value());
      skipWhitespace();
    } while (consume(','));
    expect(']');
    return items;
  }

  private String string() {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= in.length()) {
        throw error("unterminated string");
      }
      char c = in.charAt(pos++);
      if (c == '"') {
        return out.toString();
      } else if (c < 0x20) {
        throw error("control character in string");
      } else if (c != '\\') {
        out.append(c);
      } else if (pos >= in.length()) {
        throw error("unterminated escape");
      } else {
        char e = in.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (pos + 4 > in.length()) {
              throw error("short \\u escape");
            }
            try {
              out.append((char) Integer.parseInt(in.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("bad \\u escape");
            }
            pos += 4;
          }
          default -> throw error("bad escape \\" + e);
        }
      }
    }
  }

  private Object number() {
    int start = pos;
    consume('-');
    int digits = pos;
    while (pos < in.length() && Character.isDigit(in.charAt(pos))) {
      pos++;
    }
    if (pos == digits) {
      throw error("expected a value");
    }
    boolean integer = true;
    if (consume('.')) {
      integer = false;
      while (pos < in.length() && Character.isDigit(in.charAt(pos))) {
        pos++;
      }
    }
    if (pos < in.length() && (in.charAt(pos) == 'e' || in.charAt(pos) == 'E')) {
      integer = false;
      pos++;
      if (!consume('+')) {
        consume('-');
      }
      while (pos < in.length() && Character.isDigit(in.charAt(pos))) {
        pos++;
      }
    }
    String text = in.substring(start, pos);
    try {
      return integer ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw error("bad number " + text);
    }
  }

  private Object literal(String word, Object value) {
    if (!in.startsWith(word, pos)) {
      throw error("expected " + word);
    }
    pos += word.length();
    return value;
  }

  private void skipWhitespace() {
    while (pos < in.length() && " \t\r\n".indexOf(in.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private boolean consume(char c) {
    if (pos < in.length() && in.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("JSON: " + message + " at index " + pos);
  }
}
