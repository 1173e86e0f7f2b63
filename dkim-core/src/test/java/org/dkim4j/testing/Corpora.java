package org.dkim4j.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared test corpora, which live beside the repository as {@code ../shared/corpora} and
 * are read in place, never copied into the project.
 *
 * <p>Where they are absent a test is skipped, except when the environment variable {@code CI} is
 * {@code true}: then it fails, so a CI run cannot pass without them.
 */
public final class Corpora {
  private Corpora() {}

  /**
   * Returns {@code ../shared/corpora/<first>/<more...>}, skipping (or, in CI, failing) the calling
   * test if it does not exist.
   */
  public static Path require(String first, String... more) {
    Optional<Path> root = root();
    if (root.isEmpty()) {
      skipOrFail(
          "../shared/corpora not found: looked for shared/corpora beside "
              + System.getProperty("user.dir")
              + " and each of its parents");
    }
    Path path = root.orElseThrow().resolve(Path.of(first, more));
    if (!Files.exists(path)) {
      skipOrFail("../shared/corpora not found: " + path + " is missing");
    }
    return path;
  }

  /**
   * Walks up from the working directory (surefire runs in the module directory) and returns the
   * first {@code <dir>/../shared/corpora} that exists.
   */
  public static Optional<Path> root() {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        dir.getParent() != null;
        dir = dir.getParent()) {
      Path candidate = dir.getParent().resolve("shared").resolve("corpora");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void skipOrFail(String message) {
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true, so this is an error)");
    }
    assumeTrue(false, message);
  }
}
