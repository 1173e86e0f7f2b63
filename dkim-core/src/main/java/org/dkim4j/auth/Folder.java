package org.dkim4j.auth;

import java.util.List;

/**
 * Folds a header field at 78 characters (RFC 5322 sections 2.1.1 and 2.2.3). A fold is a CRLF put
 * in front of an existing space, so unfolding (removing every CRLF) gives back the one-line text.
 */
final class Folder {
  static final int MAX_LINE = 78;
  private static final String CRLF = "\r\n";

  private final StringBuilder out = new StringBuilder();
  private int column;
  private boolean lineHasText;

  private Folder(String name) {
    out.append(name).append(':');
    column = out.length();
    lineHasText = true;
  }

  /**
   * Writes {@code name: units...} followed by CRLF. When it does not fit on one line, each group
   * after the first starts a new line and units wrap; a unit too long for a line of its own is
   * broken at its spaces.
   */
  static String fold(String name, List<List<String>> groups) {
    String oneLine = name + ": " + Encoder.join(groups);
    if (oneLine.length() <= MAX_LINE) {
      return oneLine + CRLF;
    }
    Folder folder = new Folder(name);
    for (int g = 0; g < groups.size(); g++) {
      List<String> units = groups.get(g);
      for (int u = 0; u < units.size(); u++) {
        folder.place(units.get(u), g > 0 && u == 0);
      }
    }
    return folder.out.append(CRLF).toString();
  }

  private void place(String unit, boolean startLine) {
    if (startLine && lineHasText) {
      newLine();
    }
    if (fits(unit)) {
      append(unit);
    } else if (lineHasText && 1 + unit.length() <= MAX_LINE) {
      newLine();
      append(unit);
    } else {
      // A word of tabs only (or nothing, between two spaces) goes with the word after it, so
      // that no line holds nothing but whitespace (RFC 5322 section 3.2.2).
      String carried = null;
      for (String word : unit.split(" ", -1)) {
        if (carried != null) {
          word = carried + " " + word;
          carried = null;
        }
        if (!hasText(word)) {
          carried = word;
          continue;
        }
        if (!fits(word) && lineHasText) {
          newLine();
        }
        append(word);
      }
      if (carried != null) {
        append(carried);
      }
    }
  }

  private static boolean hasText(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) != ' ' && word.charAt(i) != '\t') {
        return true;
      }
    }
    return false;
  }

  private boolean fits(String word) {
    return column + 1 + word.length() <= MAX_LINE;
  }

  private void append(String word) {
    out.append(' ').append(word);
    column += 1 + word.length();
    lineHasText |= !word.isEmpty();
  }

  private void newLine() {
    out.append(CRLF);
    column = 0;
    lineHasText = false;
  }
}
