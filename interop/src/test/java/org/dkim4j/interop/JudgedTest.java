package org.dkim4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dkim4j.interop.Judged.Grade;
import org.dkim4j.interop.Verdict.Outcome;
import org.junit.jupiter.api.Test;

class JudgedTest {

  private static final Variant ED25519_SIMPLE =
      new Variant("ed25519-sha256", Keys.Key.ED25519, "ed25519", "simple/simple");
  private static final Variant RSA_RELAXED =
      new Variant("rsa-sha256", Keys.Key.RSA_2048, "rsa2048", "relaxed/relaxed");

  private static Grade grade(
      Peer signer, Variant v, Shape shape, Tamper tamper, Peer verifier, Outcome outcome) {
    return Judged.of(
            new Observation(signer, v, shape, tamper, verifier, new Verdict(outcome, "detail")))
        .grade();
  }

  @Test
  void aCellWithoutAKnownBehaviourMustPass() {
    assertEquals(
        Grade.PASS,
        grade(Peer.DKIMPY, RSA_RELAXED, Shape.PLAIN, Tamper.NONE, Peer.DKIM4J, Outcome.PASS));
    assertEquals(
        Grade.UNEXPECTED,
        grade(Peer.DKIMPY, RSA_RELAXED, Shape.PLAIN, Tamper.NONE, Peer.DKIM4J, Outcome.FAIL));
  }

  @Test
  void aTamperedCopyThatPassesIsUnexpectedEvenWhereAPeerBugIsKnown() {
    assertEquals(
        Grade.UNEXPECTED,
        grade(
            Peer.OPENDKIM,
            ED25519_SIMPLE,
            Shape.PLAIN,
            Tamper.BODY_BYTE,
            Peer.DKIM4J,
            Outcome.PASS));
    assertEquals(
        Grade.REJECTED,
        grade(
            Peer.OPENDKIM,
            ED25519_SIMPLE,
            Shape.PLAIN,
            Tamper.FROM_ON_TOP,
            Peer.DKIM4J,
            Outcome.FAIL));
  }

  @Test
  void aKnownFailureThatPassesIsReportedNotFailed() {
    Grade grade =
        grade(Peer.DKIMPY, ED25519_SIMPLE, Shape.PLAIN, Tamper.NONE, Peer.MAIL_DKIM, Outcome.PASS);
    assertEquals(Grade.XPASS, grade);
    assertTrue(grade.expected());
  }

  @Test
  void dkim4jMustSayPermerrorForRsaSha1() {
    assertEquals(
        Grade.PERMERROR,
        grade(
            Peer.OPENDKIM,
            Variant.RSA_SHA1,
            Shape.PLAIN,
            Tamper.NONE,
            Peer.DKIM4J,
            Outcome.PERMERROR));
    assertEquals(
        Grade.UNEXPECTED,
        grade(
            Peer.OPENDKIM, Variant.RSA_SHA1, Shape.PLAIN, Tamper.NONE, Peer.DKIM4J, Outcome.FAIL));
    assertEquals(
        Grade.UNEXPECTED,
        grade(
            Peer.OPENDKIM, Variant.RSA_SHA1, Shape.PLAIN, Tamper.NONE, Peer.DKIM4J, Outcome.PASS));
  }

  @Test
  void noSignatureOrNoAnswerIsAlwaysUnexpected() {
    assertEquals(
        Grade.UNEXPECTED,
        grade(
            Peer.DKIMPY,
            ED25519_SIMPLE,
            Shape.PLAIN,
            Tamper.NONE,
            Peer.MAIL_DKIM,
            Outcome.NO_ANSWER));
    assertEquals(
        Grade.UNEXPECTED,
        grade(Peer.RSPAMD, RSA_RELAXED, Shape.PLAIN, Tamper.NONE, Peer.DKIM4J, Outcome.NOT_SIGNED));
  }

  /**
   * Only OpenDKIM's signing bugs and the rsa-sha1 policy excuse a cell of dkim4j's row or column:
   * nothing excuses dkim4j disagreeing with dkimpy, Mail::DKIM, rspamd or itself.
   */
  @Test
  void nothingExcusesDkim4jAgainstAnyPeerButOpenDkimsBugs() {
    for (Plan.Row row : Plan.rows()) {
      for (Shape shape : row.shapes()) {
        for (Peer other : Peer.values()) {
          if (other == Peer.OPENDKIM || row.variant().algorithm().equals("rsa-sha1")) {
            continue;
          }
          if (row.signer() == Peer.DKIM4J) {
            Known known = Known.of(Peer.DKIM4J, row.variant(), shape, other);
            assertTrue(
                known == null || known == Known.MAIL_DKIM_NO_ED25519,
                row + " " + shape + " -> " + other + ": " + known);
          }
          if (row.signer() != Peer.OPENDKIM) {
            assertNull(
                Known.of(row.signer(), row.variant(), shape, Peer.DKIM4J),
                row + " " + shape + " -> dkim4j");
          }
        }
      }
    }
  }
}
