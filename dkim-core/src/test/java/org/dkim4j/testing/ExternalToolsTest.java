package org.dkim4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** How tests that need an outside program behave when it is missing: skipped, or failed in CI. */
class ExternalToolsTest {

  @Test
  void aMissingProgramSkipsTheTestOrFailsItInCi() {
    String program = "dkim4j-no-such-program";
    if ("true".equals(System.getenv("CI"))) {
      AssertionFailedError e =
          assertThrows(AssertionFailedError.class, () -> ExternalTools.require(program));
      assertTrue(e.getMessage().contains("required in CI"), e.getMessage());
    } else {
      TestAbortedException e =
          assertThrows(TestAbortedException.class, () -> ExternalTools.require(program));
      assertTrue(e.getMessage().contains(program + " is not installed"), e.getMessage());
    }
  }

  @Test
  void runCollectsTheExitCodeAndOutput(@TempDir Path dir) {
    ExternalTools.Result result =
        ExternalTools.run(
            dir, Duration.ofSeconds(30), "sh", "-c", "echo out; echo err >&2; exit 3");
    assertEquals(new ExternalTools.Result(3, "out\n", "err\n"), result);
    assertThrows(AssertionFailedError.class, () -> result.requireSuccess(List.of("sh")));
  }
}
