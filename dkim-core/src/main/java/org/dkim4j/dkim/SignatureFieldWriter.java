package org.dkim4j.dkim;

import java.util.Base64;
import java.util.List;

/**
 * Writes a DKIM-Signature field folded to at most 78 columns (RFC 5322 section 2.1.1). Breaks go
 * only where RFC 6376 section 3.5 allows folding whitespace: between tags, after a colon in {@code
 * h=}, inside base64 values, and between the parts of {@code z=}.
 */
final class SignatureFieldWriter {
  static final int MAX_COLUMNS = 78;

  private final StringBuilder out = new StringBuilder(512);
  private int column;

  SignatureFieldWriter() {
    out.append("DKIM-Signature:");
    column = out.length();
  }

  /** Appends a tag whose value is never broken. */
  void tag(String name, String value) {
    startAtom(name.length() + 1 + value.length() + 1, true);
    out.append(name).append('=').append(value).append(';');
  }

  /** Appends {@code h=} with {@code names}, which may be broken after any colon. */
  void headerList(List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      boolean first = i == 0;
      String name = names.get(i);
      startAtom((first ? 2 : 0) + name.length() + 1, first);
      if (first) {
        out.append("h=");
      }
      out.append(name).append(i < names.size() - 1 ? ':' : ';');
    }
  }

  /**
   * Makes room for an atom of {@code length} columns: a new folded line when it would pass the
   * width, else the space that starts a tag ({@code first}); then counts its columns.
   */
  private void startAtom(int length, boolean first) {
    if (column + length + (first ? 1 : 0) > MAX_COLUMNS && column > 1) {
      out.append("\r\n ");
      column = 1;
    } else if (first) {
      out.append(' ');
      column++;
    }
    column += length;
  }

  /** Appends a tag whose value may be broken between any two atoms (the last gets the ';'). */
  void atoms(List<String> atoms) {
    for (int i = 0; i < atoms.size(); i++) {
      String atom = atoms.get(i);
      if (i == atoms.size() - 1 && !atom.endsWith(";")) {
        atom = atom + ";";
      }
      startAtom(atom.length(), i == 0);
      out.append(atom);
    }
  }

  /** Appends {@code name=} and the base64 of {@code value}, broken at the line width. */
  void base64(String name, byte[] value, boolean terminate) {
    int whole = name.length() + 1 + base64Length(value) + 1;
    if (column + 1 + whole > MAX_COLUMNS && 1 + whole <= MAX_COLUMNS) {
      out.append("\r\n");
      column = 0; // startTag adds the space that makes this a folded line
    }
    startTag(name);
    appendBase64(value);
    if (terminate) {
      out.append(';');
      column++;
    }
  }

  /** Starts {@code name=}, on a new line when fewer than 8 columns are left. */
  void startTag(String name) {
    String start = name + "=";
    if (column > 0 && column + 1 + start.length() + 8 > MAX_COLUMNS) {
      out.append("\r\n ");
      column = 1;
    } else {
      out.append(' ');
      column++;
    }
    out.append(start);
    column += start.length();
  }

  /** Appends the base64 of {@code value} (RFC 4648 section 4), folding at the line width. */
  void appendBase64(byte[] value) {
    String encoded = Base64.getEncoder().encodeToString(value);
    int i = 0;
    while (i < encoded.length()) {
      if (column >= MAX_COLUMNS) {
        out.append("\r\n ");
        column = 1;
      }
      int n = Math.min(encoded.length() - i, MAX_COLUMNS - column);
      out.append(encoded, i, i + n);
      column += n;
      i += n;
    }
  }

  private static int base64Length(byte[] value) {
    return (value.length + 2) / 3 * 4;
  }

  /** Ends the field with CRLF. */
  void endField() {
    out.append("\r\n");
  }

  /** Moves to a new folded line unless the current one is empty. */
  void newLine() {
    if (column > 1) {
      out.append("\r\n");
      column = 0;
    }
  }

  /** Returns the field so far: without a terminating CRLF until {@link #endField}. */
  String text() {
    return out.toString();
  }
}
