package org.dkim4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dkim4j demo}: the README's main job, with no network. */
@Command(
    name = "demo",
    description =
        "Generate a key, sign a message, verify it against an in-memory DNS zone, then tamper with"
            + " it and show the failure. Uses no network.")
final class DemoCommand implements Callable<Integer> {

  private final Io io;

  DemoCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    return org.dkim4j.examples.Demo.run(io.out()) ? Main.OK : Main.CHECK_FAILED;
  }
}
