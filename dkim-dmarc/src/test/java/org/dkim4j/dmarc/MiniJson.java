package org.dkim4j.dmarc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small JSON reader for the corpus's expectation files: objects, arrays, strings, literals. */
final class MiniJson {
  private final String s;
  private int i;

  private MiniJson(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    MiniJson json = new MiniJson(text);
    Object value = json.value();
    json.skipSpace();
    if (json.i != text.length()) {
      throw new IllegalArgumentException("trailing text at " + json.i);
    }
    return value;
  }

  private Object value() {
    skipSpace();
    char c = s.charAt(i);
    if (c == '{') {
      Map<String, Object> map = new LinkedHashMap<>();
      i++;
      skipSpace();
      if (s.charAt(i) == '}') {
        i++;
        return map;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        map.put(key, value());
        skipSpace();
        if (s.charAt(i++) == '}') {
          return map;
        }
      }
    }
    if (c == '[') {
      List<Object> list = new ArrayList<>();
      i++;
      skipSpace();
      if (s.charAt(i) == ']') {
        i++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (s.charAt(i++) == ']') {
          return list;
        }
      }
    }
    if (c == '"') {
      return string();
    }
    int start = i;
    while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
      i++;
    }
    String literal = s.substring(start, i);
    switch (literal) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "null":
        return null;
      default:
        return Double.valueOf(literal);
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = s.charAt(i++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
  }

  private void expect(char c) {
    if (s.charAt(i) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + i);
    }
    i++;
  }

  private void skipSpace() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }
}
