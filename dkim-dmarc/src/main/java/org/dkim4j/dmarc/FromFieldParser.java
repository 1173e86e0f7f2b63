package org.dkim4j.dmarc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the mailboxes of a From field body (RFC 5322 section 3.4 and 3.6.2, RFC 6854 groups, RFC
 * 6532 UTF-8), keeping only what DMARC needs: each address's domain.
 *
 * <p>Comments, quoted strings and encoded words in display names are skipped. Two leniencies, both
 * only about text around the address: a group missing its final {@code ;}, and a local part made of
 * several words without dots (as in {@code "Joe" joe@example.com}). Everything else that is not RFC
 * 5322 is an error, so that no ambiguous field is ever read one way here and another way by a mail
 * reader.
 */
final class FromFieldParser {

  /** One token: a special character, an atom, a quoted string or a domain literal. */
  private record Token(char kind, String text) {
    static final char ATOM = 'a';
    static final char QUOTED = 'q';
    static final char LITERAL = 'l';
  }

  /** A mailbox's domain as written, or a domain literal (then {@code literal} is true). */
  record Mailbox(String localPart, String domain, boolean literal) {}

  /** The field could not be read; the message says where. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message) {
      super(message, null, false, false);
    }
  }

  private final List<Token> tokens;
  private int position;

  private FromFieldParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static List<Mailbox> parse(String fieldBody) throws SyntaxException {
    FromFieldParser parser = new FromFieldParser(tokenize(fieldBody));
    return parser.addressList();
  }

  private List<Mailbox> addressList() throws SyntaxException {
    List<Mailbox> mailboxes = new ArrayList<>();
    while (position < tokens.size()) {
      if (peek(',')) {
        position++; // an empty list element, allowed by obs-addr-list (RFC 5322 section 4.4)
        continue;
      }
      address(mailboxes);
      if (position < tokens.size()) {
        expect(',');
      }
    }
    return mailboxes;
  }

  private void address(List<Mailbox> mailboxes) throws SyntaxException {
    int start = position;
    List<Token> words = words();
    if (peek(':')) {
      if (words.isEmpty()) {
        throw new SyntaxException("a group without a display name");
      }
      position++;
      while (position < tokens.size() && !peek(';')) {
        if (peek(',')) {
          position++;
          continue;
        }
        mailboxes.add(mailbox());
        if (position < tokens.size() && !peek(';')) {
          expect(',');
        }
      }
      if (peek(';')) {
        position++;
      }
      return;
    }
    position = start;
    mailboxes.add(mailbox());
  }

  private Mailbox mailbox() throws SyntaxException {
    int start = position;
    List<Token> words = words();
    if (peek('<')) {
      position++;
      Mailbox mailbox = addrSpec();
      expect('>');
      return mailbox;
    }
    position = start;
    if (words.isEmpty()) {
      throw new SyntaxException("expected an address" + where());
    }
    return addrSpec();
  }

  private Mailbox addrSpec() throws SyntaxException {
    if (peek('@')) {
      throw new SyntaxException("an address without local part, or a source route" + where());
    }
    StringBuilder local = new StringBuilder();
    while (position < tokens.size() && !peek('@')) {
      Token token = tokens.get(position);
      if (token.kind() == Token.ATOM || token.kind() == Token.QUOTED || token.kind() == '.') {
        local.append(token.text());
        position++;
      } else {
        throw new SyntaxException("unexpected \"" + token.text() + "\" in a local part");
      }
    }
    if (local.length() == 0) {
      throw new SyntaxException("expected an address" + where());
    }
    expect('@');
    if (position < tokens.size() && tokens.get(position).kind() == Token.LITERAL) {
      return new Mailbox(local.toString(), tokens.get(position++).text(), true);
    }
    StringBuilder domain = new StringBuilder();
    boolean expectAtom = true;
    while (position < tokens.size()) {
      Token token = tokens.get(position);
      if (expectAtom && token.kind() == Token.ATOM) {
        domain.append(token.text());
      } else if (!expectAtom && token.kind() == '.') {
        domain.append('.');
      } else {
        break;
      }
      expectAtom = !expectAtom;
      position++;
    }
    if (domain.length() == 0 || expectAtom) {
      throw new SyntaxException("\"" + domain + "\" is not a domain" + where());
    }
    return new Mailbox(local.toString(), domain.toString(), false);
  }

  /** Reads display-name or local-part words: atoms, quoted strings and dots. */
  private List<Token> words() {
    List<Token> words = new ArrayList<>();
    while (position < tokens.size()) {
      char kind = tokens.get(position).kind();
      if (kind != Token.ATOM && kind != Token.QUOTED && kind != '.') {
        break;
      }
      words.add(tokens.get(position++));
    }
    return words;
  }

  private boolean peek(char kind) {
    return position < tokens.size() && tokens.get(position).kind() == kind;
  }

  private void expect(char kind) throws SyntaxException {
    if (!peek(kind)) {
      throw new SyntaxException("expected \"" + kind + "\"" + where());
    }
    position++;
  }

  private String where() {
    return position < tokens.size()
        ? " before \"" + tokens.get(position).text() + "\""
        : " at the end of the field";
  }

  private static List<Token> tokenize(String s) throws SyntaxException {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
      } else if (c == '(') {
        i = skipComment(s, i);
      } else if (c == '"') {
        int end = quotedEnd(s, i, '"');
        tokens.add(new Token(Token.QUOTED, s.substring(i, end)));
        i = end;
      } else if (c == '[') {
        int end = quotedEnd(s, i, ']');
        tokens.add(new Token(Token.LITERAL, s.substring(i, end)));
        i = end;
      } else if ("<>@,;:.".indexOf(c) >= 0) {
        tokens.add(new Token(c, String.valueOf(c)));
        i++;
      } else if (isAtext(c)) {
        int start = i;
        while (i < s.length() && isAtext(s.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Token.ATOM, s.substring(start, i)));
      } else {
        throw new SyntaxException("unexpected character \"" + c + "\"");
      }
    }
    return tokens;
  }

  private static int skipComment(String s, int start) throws SyntaxException {
    int depth = 0;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i + 1;
      }
    }
    throw new SyntaxException("unterminated comment");
  }

  private static int quotedEnd(String s, int start, char close) throws SyntaxException {
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == close) {
        return i + 1;
      }
    }
    throw new SyntaxException(close == '"' ? "unterminated quoted string" : "unterminated [");
  }

  /** RFC 5322 atext, plus any non-ASCII character (RFC 6532 section 3.2). */
  private static boolean isAtext(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0
        || c >= 0x80;
  }
}
