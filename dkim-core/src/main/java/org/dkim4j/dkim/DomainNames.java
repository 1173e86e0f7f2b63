package org.dkim4j.dkim;

import org.dkim4j.message.Ascii;

/** Syntax checks and comparisons for the domain names in d=, s= and i= (RFC 6376 section 3.5). */
final class DomainNames {
  private DomainNames() {}

  /**
   * True for a name made of dot-separated labels of letters, digits, hyphens and underscores, each
   * 1 to 63 characters, 253 characters at most.
   */
  static boolean isValid(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    int labelLength = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (labelLength == 0) {
          return false;
        }
        labelLength = 0;
      } else if (isLabelChar(c)) {
        if (++labelLength > 63) {
          return false;
        }
      } else {
        return false;
      }
    }
    return labelLength > 0;
  }

  private static boolean isLabelChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  /**
   * True when {@code name} equals {@code parent} or is a subdomain of it (ASCII case-insensitive).
   */
  static boolean isWithin(String name, String parent) {
    if (Ascii.equalsIgnoreCase(name, parent)) {
      return true;
    }
    int offset = name.length() - parent.length();
    return offset > 1
        && name.charAt(offset - 1) == '.'
        && Ascii.equalsIgnoreCase(name.substring(offset), parent);
  }
}
