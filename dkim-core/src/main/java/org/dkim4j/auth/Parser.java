package org.dkim4j.auth;

import java.util.Objects;

/**
 * The grammar of RFC 8601 section 2.2 on top of {@link Lexer}:
 *
 * <pre>
 * authres-payload = [CFWS] authserv-id [ CFWS authres-version ] ( no-result / 1*resinfo ) [CFWS]
 * no-result       = [CFWS] ";" [CFWS] "none"
 * resinfo         = [CFWS] ";" methodspec [ CFWS reasonspec ] [ CFWS 1*propspec ]
 * methodspec      = [CFWS] method [CFWS] "=" [CFWS] result
 * method          = Keyword [ [CFWS] "/" [CFWS] method-version ]
 * reasonspec      = "reason" [CFWS] "=" [CFWS] value
 * propspec        = ptype [CFWS] "." [CFWS] property [CFWS] "=" pvalue
 * </pre>
 */
final class Parser {
  private final Lexer lx;

  private Parser(String input) {
    this.lx = new Lexer(input);
  }

  static AuthenticationResults parse(String input) {
    Objects.requireNonNull(input, "input");
    return new Parser(input).payload();
  }

  private AuthenticationResults payload() {
    lx.skipFieldName(AuthenticationResults.FIELD_NAME);
    lx.skipCfws();
    if (lx.atEnd()) {
      throw lx.error("empty field value: expected an authserv-id", lx.pos());
    }
    int idStart = lx.pos();
    String authservId = lx.value("an authserv-id");
    if (authservId.isEmpty()) {
      throw lx.error("empty authserv-id", idStart);
    }
    AuthenticationResults.Builder field = AuthenticationResults.builder(authservId);
    lx.skipCfws();
    if (lx.atDigit()) {
      field.version(lx.digits("a version"));
      lx.skipCfws();
    }
    lx.expect(';', "';' after the authserv-id");
    lx.skipCfws();
    String method = lx.keyword("'none' or a method");
    lx.skipCfws();
    if (method.equalsIgnoreCase("none") && !lx.at('=') && !lx.at('/')) {
      endAfterNone();
      return field.build();
    }
    field.add(resinfo(method));
    while (!lx.atEnd()) {
      lx.expect(';', "';' before the next result");
      lx.skipCfws();
      if (lx.atEnd()) {
        break; // a trailing ';' is common and harmless
      }
      method = lx.keyword("a method");
      lx.skipCfws();
      field.add(resinfo(method));
    }
    return field.build();
  }

  private void endAfterNone() {
    if (lx.at(';')) {
      lx.expect(';', "';'");
      lx.skipCfws();
    }
    if (!lx.atEnd()) {
      throw lx.expected("the end of the field after 'none'");
    }
  }

  /** Reads a resinfo whose method has been read, up to the next ';' or the end. */
  private ResultEntry resinfo(String method) {
    String version = null;
    if (lx.at('/')) {
      lx.expect('/', "'/'");
      lx.skipCfws();
      version = lx.digits("a method version after '" + method + "/'");
      lx.skipCfws();
    }
    lx.expect('=', "'=' after the method '" + method + "'");
    lx.skipCfws();
    ResultEntry.Builder entry =
        ResultEntry.builder(method, lx.keyword("a result for the method '" + method + "'"));
    if (version != null) {
      entry.methodVersion(version);
    }
    String comment = lx.skipCfws();
    if (comment != null) {
      entry.comment(comment);
    }
    boolean reasonAllowed = true;
    while (!lx.atEnd() && !lx.at(';')) {
      String word = lx.keyword("a property (ptype.property=value)");
      lx.skipCfws();
      if (reasonAllowed && word.equalsIgnoreCase("reason") && lx.at('=')) {
        lx.expect('=', "'='");
        lx.skipCfws();
        entry.reason(lx.value("a reason value (a token or a quoted-string)"));
      } else {
        entry.property(propspec(word));
      }
      reasonAllowed = false;
      lx.skipCfws();
    }
    return entry.build();
  }

  /** Reads a propspec whose ptype has been read. */
  private Property propspec(String type) {
    lx.expect('.', "'.' after '" + type + "' (a property is ptype.property=value)");
    lx.skipCfws();
    String name = lx.keyword("a property name after '" + type + ".'");
    String key = type + "." + name;
    lx.skipCfws();
    lx.expect('=', "'=' after the property '" + key + "'");
    lx.skipCfws();
    return new Property(type, name, lx.pvalue("a value for the property '" + key + "'"));
  }
}
