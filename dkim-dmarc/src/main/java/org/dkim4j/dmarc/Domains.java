package org.dkim4j.dmarc;

import java.net.IDN;
import org.dkim4j.message.Ascii;

/** Domain name checks shared by author domains, identifiers and organizational domains. */
final class Domains {
  private Domains() {}

  /**
   * Returns {@code name} as lowercase A-labels (RFC 5891; RFC 7489 section 6.6.1 asks for
   * A-labels), without one trailing dot, or {@code null} when it is not a host name: labels of 1 to
   * 63 letters, digits, hyphens or underscores, 253 characters at most.
   */
  static String normalize(String name) {
    if (name == null) {
      return null;
    }
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (n.isEmpty() || n.startsWith(".") || n.contains("..")) {
      return null;
    }
    try {
      n = IDN.toASCII(n, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return null;
    }
    n = Ascii.toLowerCase(n);
    return isHostName(n) ? n : null;
  }

  static boolean isHostName(String name) {
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
      } else if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_') {
        if (++labelLength > 63) {
          return false;
        }
      } else {
        return false;
      }
    }
    return labelLength > 0;
  }

  /** True when {@code name} equals {@code parent} or lies below it; both normalized. */
  static boolean isWithin(String name, String parent) {
    return name.equals(parent)
        || (name.length() > parent.length() + 1
            && name.endsWith(parent)
            && name.charAt(name.length() - parent.length() - 1) == '.');
  }

  static int labelCount(String name) {
    int count = 1;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '.') {
        count++;
      }
    }
    return count;
  }

  /** Returns the last {@code labels} labels of {@code name}. */
  static String lastLabels(String name, int labels) {
    int end = name.length();
    int seen = 0;
    for (int i = end - 1; i >= 0; i--) {
      if (name.charAt(i) == '.' && ++seen == labels) {
        return name.substring(i + 1);
      }
    }
    return name;
  }
}
