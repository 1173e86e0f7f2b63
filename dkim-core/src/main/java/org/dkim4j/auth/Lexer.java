package org.dkim4j.auth;

import org.dkim4j.message.Ascii;

/**
 * Reads the lexical pieces of a structured header field: CFWS with nested comments and folding (RFC
 * 5322 sections 3.2.2 and 2.2.3), quoted-strings with quoted-pairs (RFC 5322 section 3.2.4), tokens
 * (RFC 2045 section 5.1) and Keywords (RFC 5321 section 4.1.2).
 *
 * <p>Every method moves forward only, and comments are matched with a depth counter rather than
 * recursion, so a whole parse is linear in the input length.
 */
final class Lexer {
  /** Characters that end an unquoted property value besides whitespace and control characters. */
  private static final String PVALUE_STOPS = ";()\"\\";

  private static final int EXCERPT = 30;

  private final String in;
  private int pos;

  Lexer(String in) {
    this.in = in;
  }

  int pos() {
    return pos;
  }

  boolean atEnd() {
    return pos >= in.length();
  }

  boolean at(char c) {
    return pos < in.length() && in.charAt(pos) == c;
  }

  boolean atDigit() {
    return pos < in.length() && Syntax.isDigit(in.charAt(pos));
  }

  /** Skips {@code name} and a colon (with optional whitespace before it) if the input starts so. */
  void skipFieldName(String name) {
    if (Ascii.startsWithIgnoreCase(in, name)) {
      int i = name.length();
      while (i < in.length() && Syntax.isWsp(in.charAt(i))) {
        i++;
      }
      if (i < in.length() && in.charAt(i) == ':') {
        pos = i + 1;
      }
    }
  }

  /** Consumes {@code c} or fails saying that {@code what} was expected. */
  void expect(char c, String what) {
    if (!at(c)) {
      throw expected(what);
    }
    pos++;
  }

  /**
   * Skips CFWS: whitespace, folds, comments, and a line break that ends the input.
   *
   * @return the text of the first comment skipped, or {@code null} if there was none
   */
  String skipCfws() {
    String first = null;
    while (pos < in.length()) {
      char c = in.charAt(pos);
      if (Syntax.isWsp(c)) {
        pos++;
      } else if (c == '(') {
        String text = comment();
        if (first == null) {
          first = text;
        }
      } else if (c == ')') {
        throw error("unbalanced ')' outside a comment", pos);
      } else if (lineBreak(pos) > 0) {
        skipLineBreak(pos + lineBreak(pos) == in.length());
      } else {
        break;
      }
    }
    return first;
  }

  /** Reads a Keyword: letters, digits and hyphens, not ending in a hyphen. */
  String keyword(String what) {
    int start = pos;
    while (pos < in.length() && Syntax.isKeywordChar(in.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw expected(what);
    }
    if (in.charAt(pos - 1) == '-') {
      throw error(what + " must not end with '-'", pos - 1);
    }
    return in.substring(start, pos);
  }

  /** Reads one or more digits. */
  String digits(String what) {
    int start = pos;
    while (atDigit()) {
      pos++;
    }
    if (pos == start) {
      throw expected(what);
    }
    return in.substring(start, pos);
  }

  /** Reads an RFC 2045 {@code value}: a token or a quoted-string, decoded. */
  String value(String what) {
    if (at('"')) {
      return quotedString();
    }
    int start = pos;
    while (pos < in.length() && Syntax.isTokenChar(in.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw expected(what);
    }
    return in.substring(start, pos);
  }

  /**
   * Reads a pvalue (RFC 8601 section 2.2): a quoted-string, a quoted local-part followed by
   * {@code @domain}, or a run of printable characters up to whitespace or one of {@code ;()"\}.
   */
  String pvalue(String what) {
    if (at('"')) {
      String text = quotedString();
      if (!at('@')) {
        return text;
      }
      pos++;
      return Encoder.quoted(text) + "@" + bareRun("a domain after '@'");
    }
    return bareRun(what);
  }

  private String bareRun(String what) {
    int start = pos;
    while (pos < in.length()) {
      char c = in.charAt(pos);
      if (!Syntax.isTextChar(c) || Syntax.isWsp(c) || PVALUE_STOPS.indexOf(c) >= 0) {
        break;
      }
      pos++;
    }
    if (pos == start) {
      throw expected(what);
    }
    return in.substring(start, pos);
  }

  private String quotedString() {
    return delimited('"', "quoted-string");
  }

  private String comment() {
    return delimited(')', "comment");
  }

  /**
   * Reads a quoted-string or comment starting at the opening character and returns its text with
   * quoted-pairs decoded and folds removed. In a comment, nested parentheses are kept as text.
   */
  private String delimited(char close, String kind) {
    int start = pos++;
    int depth = 1;
    StringBuilder text = new StringBuilder();
    while (true) {
      if (pos >= in.length()) {
        throw error("unterminated " + kind, start);
      }
      char c = in.charAt(pos);
      if (c == '\\') {
        if (pos + 1 >= in.length()) {
          throw error("unterminated " + kind, start);
        }
        char quoted = in.charAt(pos + 1);
        if (!Syntax.isTextChar(quoted)) {
          throw error("control character " + describe(quoted) + " after '\\' in " + kind, pos + 1);
        }
        text.append(quoted);
        pos += 2;
      } else if (c == close) {
        pos++;
        if (--depth == 0) {
          return text.toString();
        }
        text.append(c);
      } else if (c == '(' && close == ')') {
        depth++;
        text.append(c);
        pos++;
      } else if (lineBreak(pos) > 0) {
        if (pos + lineBreak(pos) >= in.length()) {
          throw error("unterminated " + kind, start);
        }
        skipLineBreak(false);
      } else if (!Syntax.isTextChar(c)) {
        throw error("control character " + describe(c) + " in " + kind, pos);
      } else {
        text.append(c);
        pos++;
      }
    }
  }

  /** Length of the line break (CRLF or a bare LF) at {@code i}, or 0. */
  private int lineBreak(int i) {
    if (in.startsWith("\r\n", i)) {
      return 2;
    }
    return i < in.length() && in.charAt(i) == '\n' ? 1 : 0;
  }

  /** Skips the line break at the current position, which must fold or, if allowed, end input. */
  private void skipLineBreak(boolean mayEndInput) {
    int next = pos + lineBreak(pos);
    if (!(mayEndInput && next == in.length())
        && !(next < in.length() && Syntax.isWsp(in.charAt(next)))) {
      throw error("line break not followed by a space or tab (a folded line must start so)", pos);
    }
    pos = next;
  }

  AuthenticationResultsSyntaxException expected(String what) {
    String found = atEnd() ? "the end of the input" : describe(in.charAt(pos));
    return error("expected " + what + " but found " + found, pos);
  }

  AuthenticationResultsSyntaxException error(String message, int index) {
    int from = Math.max(0, index - EXCERPT);
    int to = Math.min(in.length(), index + EXCERPT);
    String excerpt =
        (from > 0 ? "..." : "")
            + Syntax.escapeControls(in.substring(from, to))
            + (to < in.length() ? "..." : "");
    return new AuthenticationResultsSyntaxException(
        message + " at index " + index + " in \"" + excerpt + "\"", index);
  }

  private static String describe(char c) {
    return c < ' ' || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
  }
}
