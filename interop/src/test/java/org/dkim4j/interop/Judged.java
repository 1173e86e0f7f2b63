package org.dkim4j.interop;

import org.dkim4j.interop.Verdict.Outcome;

/**
 * An observation held against what the suite expects of it.
 *
 * @param observation what the verifier said
 * @param known the known behaviour that applies, or null
 * @param grade how that compares with the expectation
 */
record Judged(Observation observation, Known known, Grade grade) {

  /** How an observation compares with its expectation. */
  enum Grade {
    /** Passed, as it must. */
    PASS,
    /** Failed as a known peer bug or limit says. */
    XFAIL,
    /** A known failure that passed after all: reported, not failed. */
    XPASS,
    /** permerror, as the rsa-sha1 policy says. */
    PERMERROR,
    /** A tampered copy, rejected. */
    REJECTED,
    /** Anything else: the suite fails. */
    UNEXPECTED;

    boolean expected() {
      return this != UNEXPECTED;
    }
  }

  static Judged of(Observation o) {
    Known known = Known.of(o.signer(), o.variant(), o.shape(), o.verifier());
    Outcome outcome = o.verdict().outcome();
    Grade grade;
    if (outcome == Outcome.NOT_SIGNED || outcome == Outcome.NO_ANSWER) {
      grade = Grade.UNEXPECTED;
    } else if (o.tamper() != Tamper.NONE) {
      grade = outcome == Outcome.PASS ? Grade.UNEXPECTED : Grade.REJECTED;
    } else {
      Known.Expect expect = known == null ? Known.Expect.PASS : known.expect;
      grade =
          switch (expect) {
            case PASS -> outcome == Outcome.PASS ? Grade.PASS : Grade.UNEXPECTED;
            case FAIL -> outcome == Outcome.PASS ? Grade.XPASS : Grade.XFAIL;
            case PERMERROR -> outcome == Outcome.PERMERROR ? Grade.PERMERROR : Grade.UNEXPECTED;
          };
    }
    return new Judged(o, known, grade);
  }

  /** One line saying which cell this is and what happened. */
  String describe() {
    Observation o = observation;
    return o.signer().label
        + " "
        + o.variant().label()
        + ", "
        + o.shape().label
        + (o.tamper() == Tamper.NONE ? "" : ", tampered (" + o.tamper().label + ")")
        + " -> "
        + o.verifier().label
        + ": "
        + o.verdict().outcome()
        + (o.verdict().detail().isEmpty() ? "" : " (" + o.verdict().detail() + ")");
  }
}
