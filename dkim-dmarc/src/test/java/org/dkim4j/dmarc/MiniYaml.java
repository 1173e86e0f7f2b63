package org.dkim4j.dmarc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small YAML reader for the corpus's case tables: block mappings and sequences by indentation,
 * flow mappings and sequences, double-quoted and plain scalars, comments. Scalars stay strings.
 */
final class MiniYaml {

  private record Line(int indent, String text) {}

  private final List<Line> lines = new ArrayList<>();
  private int next;

  private MiniYaml(String text) {
    for (String raw : text.split("\n", -1)) {
      String line = stripComment(raw.stripTrailing());
      if (line.isBlank()) {
        continue;
      }
      int indent = 0;
      while (line.charAt(indent) == ' ') {
        indent++;
      }
      lines.add(new Line(indent, line.substring(indent)));
    }
  }

  static Object parse(String text) {
    MiniYaml yaml = new MiniYaml(text);
    return yaml.block(yaml.lines.get(0).indent());
  }

  private Object block(int indent) {
    if (lines.get(next).text().startsWith("- ")) {
      List<Object> list = new ArrayList<>();
      while (next < lines.size()
          && lines.get(next).indent() == indent
          && lines.get(next).text().startsWith("- ")) {
        Line item = lines.get(next);
        lines.set(next, new Line(indent + 2, item.text().substring(2)));
        list.add(block(indent + 2));
      }
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    while (next < lines.size() && lines.get(next).indent() == indent) {
      String text = lines.get(next).text();
      if (text.startsWith("- ")) {
        break;
      }
      int colon = keyEnd(text);
      String key = unquote(text.substring(0, colon).strip());
      String rest = text.substring(colon + 1).strip();
      next++;
      if (rest.isEmpty()) {
        map.put(
            key,
            next < lines.size() && lines.get(next).indent() > indent
                ? block(lines.get(next).indent())
                : null);
      } else {
        map.put(key, new Flow(rest).value());
      }
    }
    return map;
  }

  private static int keyEnd(String text) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ':' && !quoted && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
        return i;
      }
    }
    throw new IllegalArgumentException("no key in: " + text);
  }

  private static String unquote(String s) {
    return s.startsWith("\"") ? new Flow(s).value().toString() : s;
  }

  private static String stripComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (c == '#' && !quoted && (i == 0 || line.charAt(i - 1) == ' ')) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** A flow value: {@code {k: v}}, {@code [a, b]}, a quoted or a plain scalar. */
  private static final class Flow {
    private final String s;
    private int i;

    Flow(String s) {
      this.s = s;
    }

    Object value() {
      skip();
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        i++;
        while (true) {
          skip();
          if (s.charAt(i) == '}') {
            i++;
            return map;
          }
          String key = scalar(":");
          skip();
          i++; // ':'
          map.put(key, value());
          skip();
          if (s.charAt(i) == ',') {
            i++;
          }
        }
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        i++;
        while (true) {
          skip();
          if (s.charAt(i) == ']') {
            i++;
            return list;
          }
          list.add(value());
          skip();
          if (s.charAt(i) == ',') {
            i++;
          }
        }
      }
      return scalar(",}]");
    }

    private String scalar(String stops) {
      skip();
      if (s.charAt(i) == '"') {
        StringBuilder out = new StringBuilder();
        i++;
        while (s.charAt(i) != '"') {
          char c = s.charAt(i++);
          out.append(c == '\\' ? s.charAt(i++) : c);
        }
        i++;
        return out.toString();
      }
      int start = i;
      while (i < s.length() && stops.indexOf(s.charAt(i)) < 0) {
        i++;
      }
      return s.substring(start, i).strip();
    }

    private void skip() {
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
    }
  }
}
