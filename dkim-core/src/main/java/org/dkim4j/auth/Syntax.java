package org.dkim4j.auth;

import java.util.Objects;

/**
 * Character classes and well-formedness checks for the pieces of RFC 8601 section 2.2 and the
 * grammars it borrows from: RFC 2045 section 5.1 (token), RFC 5321 section 4.1.2 (Keyword), RFC
 * 5322 section 3.2.3 (dot-atom) and RFC 6376 section 3.5 (domain-name).
 */
final class Syntax {
  /** RFC 2045 section 5.1 tspecials: characters a token cannot hold. */
  private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

  /** RFC 5322 section 3.2.3 atext besides letters and digits. */
  private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

  private Syntax() {}

  static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetterOrDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Letters, digits and hyphen: the characters of an RFC 5321 Keyword (Ldh-str). */
  static boolean isKeywordChar(char c) {
    return isLetterOrDigit(c) || c == '-';
  }

  /** An RFC 2045 token character: printable US-ASCII except tspecials. */
  static boolean isTokenChar(char c) {
    return c > ' ' && c < 0x7f && TSPECIALS.indexOf(c) < 0;
  }

  /**
   * Whether {@code c} may appear in a value or comment: anything but control characters, except
   * HTAB (RFC 5322 section 3.2.4 qtext/ctext plus WSP; RFC 6532 section 3.2 for non-ASCII).
   */
  static boolean isTextChar(char c) {
    return c == '\t' || (c >= ' ' && c != 0x7f);
  }

  static boolean isKeyword(String s) {
    if (s.isEmpty() || s.charAt(s.length() - 1) == '-') {
      return false;
    }
    return s.chars().allMatch(c -> isKeywordChar((char) c));
  }

  static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> isDigit((char) c));
  }

  static boolean isToken(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> isTokenChar((char) c));
  }

  static boolean isText(String s) {
    return s.chars().allMatch(c -> isTextChar((char) c));
  }

  /**
   * Whether a pvalue can be written without quotes: a token, or {@code [local-part] "@"
   * domain-name} with a dot-atom local-part (RFC 8601 section 2.2).
   */
  static boolean isBarePvalue(String s) {
    if (isToken(s)) {
      return true;
    }
    int at = s.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    String local = s.substring(0, at);
    return (local.isEmpty() || isDotAtom(local)) && isDomainName(s.substring(at + 1));
  }

  /** RFC 5322 section 3.2.3 dot-atom-text. */
  static boolean isDotAtom(String s) {
    for (String atom : s.split("\\.", -1)) {
      if (atom.isEmpty() || !atom.chars().allMatch(c -> isAtext((char) c))) {
        return false;
      }
    }
    return true;
  }

  /** RFC 6376 section 3.5 domain-name: at least two labels of letters, digits and hyphens. */
  static boolean isDomainName(String s) {
    String[] labels = s.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!isKeyword(label) || label.charAt(0) == '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAtext(char c) {
    return isLetterOrDigit(c) || ATEXT_SYMBOLS.indexOf(c) >= 0;
  }

  static String requireKeyword(String s, String what) {
    Objects.requireNonNull(s, what);
    if (!isKeyword(s)) {
      throw new IllegalArgumentException(
          what + " must be letters, digits and '-' (not last), got " + printable(s));
    }
    return s;
  }

  static String requireDigits(String s, String what) {
    Objects.requireNonNull(s, what);
    if (!isDigits(s)) {
      throw new IllegalArgumentException(what + " must be one or more digits, got " + printable(s));
    }
    return s;
  }

  static String requireText(String s, String what) {
    Objects.requireNonNull(s, what);
    if (!isText(s)) {
      throw new IllegalArgumentException(
          what + " must not contain control characters other than TAB, got " + printable(s));
    }
    return s;
  }

  /** Quotes {@code s} for an error message, showing control characters as escapes. */
  static String printable(CharSequence s) {
    return "\"" + escapeControls(s) + "\"";
  }

  /** Shows CR, LF, TAB and other control characters of {@code s} as escapes. */
  static String escapeControls(CharSequence s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < ' ' || c == 0x7f) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
