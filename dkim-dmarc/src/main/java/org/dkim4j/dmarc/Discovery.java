package org.dkim4j.dmarc;

import java.util.List;

/**
 * The outcome of policy discovery: the one DMARC record that applies and where it was found, or why
 * there is none. {@code text} is null unless a record was found; {@code problem} says what went
 * wrong, or is a note for {@link Kind#NOT_FOUND}.
 */
record Discovery(Kind kind, String domain, String text, String problem, List<String> notes) {

  enum Kind {
    FOUND,
    NOT_FOUND,
    TEMPORARY_FAILURE
  }

  static Discovery found(String domain, String text, List<String> notes) {
    return new Discovery(Kind.FOUND, domain, text, null, notes);
  }

  static Discovery notFound(String problem, List<String> notes) {
    return new Discovery(Kind.NOT_FOUND, null, null, problem, notes);
  }

  static Discovery temporaryFailure(String problem, List<String> notes) {
    return new Discovery(Kind.TEMPORARY_FAILURE, null, null, problem, notes);
  }
}
