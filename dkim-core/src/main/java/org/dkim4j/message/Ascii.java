package org.dkim4j.message;

/**
 * ASCII-only case folding. {@link String#equalsIgnoreCase} also folds non-ASCII letters (e.g. the
 * Kelvin sign to {@code k}), which must never make two header names equal.
 */
public final class Ascii {
  private Ascii() {}

  /** Compares two strings, folding only {@code A-Z} to {@code a-z}. */
  public static boolean equalsIgnoreCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      if (toLower(a.charAt(i)) != toLower(b.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Lowercases {@code A-Z} only. */
  public static String toLowerCase(String s) {
    char[] chars = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (chars == null) {
          chars = s.toCharArray();
        }
        chars[i] = (char) (c + 32);
      }
    }
    return chars == null ? s : new String(chars);
  }

  /** Lowercases one {@code A-Z} character; other characters are returned unchanged. */
  public static char toLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** Lowercases one {@code A-Z} byte; other bytes are returned unchanged. */
  public static byte toLower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
  }
}
