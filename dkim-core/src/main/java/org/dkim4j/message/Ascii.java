package org.dkim4j.message;

/**
 * ASCII-only case folding. {@link String#equalsIgnoreCase} also folds non-ASCII letters (e.g. the
 * Kelvin sign to {@code k}), which must never make two header names equal.
 */
public final class Ascii {
  private Ascii() {}

  /**
   * Compares two strings, folding only {@code A-Z} to {@code a-z}.
   *
   * @param a a string, not {@code null}
   * @param b another string, not {@code null}
   * @return {@code true} if both have the same length and equal characters after folding
   */
  public static boolean equalsIgnoreCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      char d = b.charAt(i);
      if (c != d && toLower(c) != toLower(d)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tells whether {@code s} starts with {@code prefix}, folding only {@code A-Z} to {@code a-z}:
   * {@link String#regionMatches(boolean, int, String, int, int)} would also match a dotless {@code
   * ı} to {@code i}.
   *
   * @param s a string, not {@code null}
   * @param prefix the prefix, not {@code null}
   * @return {@code true} if {@code s} is at least as long and its first characters equal {@code
   *     prefix} after folding
   */
  public static boolean startsWithIgnoreCase(String s, String prefix) {
    if (s.length() < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (toLower(s.charAt(i)) != toLower(prefix.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lowercases {@code A-Z} only.
   *
   * @param s the string
   * @return the string with {@code A-Z} lowercased; {@code s} itself when there was nothing to
   *     change
   */
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

  /**
   * Lowercases one {@code A-Z} character; other characters are returned unchanged.
   *
   * @param c a character
   * @return the lower-case letter for {@code A-Z}, otherwise {@code c}
   */
  public static char toLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /**
   * Lowercases one {@code A-Z} byte; other bytes are returned unchanged.
   *
   * @param b a byte
   * @return the lower-case letter for {@code A-Z}, otherwise {@code b}
   */
  public static byte toLower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
  }
}
