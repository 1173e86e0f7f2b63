package org.dkim4j.interop;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing prerequisite skips the suite with the reason, and fails it in CI. */
class PrerequisitesTest {

  @Test
  void aMissingPrerequisiteSkipsTheSuiteOrFailsItInCi() {
    String why = "the interoperability suite needs something this machine lacks";
    if ("true".equals(System.getenv("CI"))) {
      AssertionFailedError e =
          assertThrows(AssertionFailedError.class, () -> Prerequisites.unavailable(why));
      assertTrue(e.getMessage().startsWith(why + " (required in CI"), e.getMessage());
    } else {
      TestAbortedException e =
          assertThrows(TestAbortedException.class, () -> Prerequisites.unavailable(why));
      assertTrue(e.getMessage().contains(why + ": interoperability suite skipped"), e.getMessage());
    }
  }
}
