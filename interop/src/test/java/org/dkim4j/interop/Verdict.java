package org.dkim4j.interop;

import java.util.Locale;

/**
 * A verifier's answer for one message.
 *
 * @param outcome the result, in RFC 8601 words where the verifier gives them
 * @param detail what the verifier said, on one line
 */
record Verdict(Outcome outcome, String detail) {

  /** A verifier's result, or why there is none. */
  enum Outcome {
    PASS,
    FAIL,
    PERMERROR,
    TEMPERROR,
    NEUTRAL,
    POLICY,
    NONE,
    /** The signer produced no message, so there was nothing to verify. */
    NOT_SIGNED,
    /** The verifier gave no answer for the message. */
    NO_ANSWER;

    static Outcome parse(String rfc8601) {
      return valueOf(rfc8601.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  Verdict {
    detail = oneLine(detail);
  }

  static Verdict pass(String detail) {
    return new Verdict(Outcome.PASS, detail);
  }

  static Verdict fail(String detail) {
    return new Verdict(Outcome.FAIL, detail);
  }

  boolean passed() {
    return outcome == Outcome.PASS;
  }

  static String oneLine(String text) {
    String line = text == null ? "" : text.replaceAll("[\t\r\n]+", " ").strip();
    return line.length() > 400 ? line.substring(0, 400) + "..." : line;
  }
}
