package org.dkim4j.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the pieces of a field value (RFC 8601 section 2.2): quotes values that are not tokens (RFC
 * 2045 section 5.1), escapes comment text (RFC 5322 section 3.2.2), and lays the field out as
 * groups of space-separated units for {@link Folder}.
 */
final class Encoder {
  private Encoder() {}

  /** A {@code value}: the token itself, or a quoted-string. */
  static String value(String s) {
    return Syntax.isToken(s) ? s : quoted(s);
  }

  /** A {@code pvalue}: a token or {@code local@domain} as is, anything else quoted. */
  static String pvalue(String s) {
    return Syntax.isBarePvalue(s) ? s : quoted(s);
  }

  /** An RFC 5322 section 3.2.4 quoted-string; only {@code "} and {@code \} need a backslash. */
  static String quoted(String s) {
    return "\"" + escape(s, "\"\\") + "\"";
  }

  /** An RFC 5322 section 3.2.2 comment holding {@code s} as text. */
  static String comment(String s) {
    return "(" + escape(s, "()\\") + ")";
  }

  private static String escape(String s, String special) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (special.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The units of one resinfo, in output order; none of them holds a space outside quotes. */
  static List<String> units(ResultEntry e) {
    List<String> units = new ArrayList<>();
    units.add(e.method() + e.methodVersion().map(v -> "/" + v).orElse("") + "=" + e.result());
    e.comment().ifPresent(c -> units.add(comment(c)));
    e.reason().ifPresent(r -> units.add("reason=" + value(r)));
    for (Property p : e.properties()) {
      units.add(p.toString());
    }
    return units;
  }

  /**
   * The field value as groups of units: first the authserv-id (and version), then one group per
   * resinfo, or a group holding {@code none}. Every group but the last ends in {@code ;}.
   */
  static List<List<String>> groups(AuthenticationResults ar) {
    List<List<String>> groups = new ArrayList<>();
    List<String> head = new ArrayList<>();
    head.add(value(ar.authservId()));
    ar.version().ifPresent(head::add);
    groups.add(head);
    if (ar.results().isEmpty()) {
      groups.add(new ArrayList<>(List.of("none")));
    }
    for (ResultEntry e : ar.results()) {
      groups.add(units(e));
    }
    for (List<String> group : groups.subList(0, groups.size() - 1)) {
      int last = group.size() - 1;
      group.set(last, group.get(last) + ";");
    }
    return groups;
  }

  /** The groups on one line, every unit separated by one space. */
  static String join(List<List<String>> groups) {
    return String.join(" ", groups.stream().map(g -> String.join(" ", g)).toList());
  }
}
