package org.dkim4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds and runs the outside programs some tests compare against ({@code opendkim-genkey}, {@code
 * dknewkey}, {@code rspamadm}, {@code openssl}, {@code dnsmasq}, {@code dkimsign}). Tests do not
 * install them: a missing program skips the test with the package to install, except in CI ({@code
 * CI=true}), where it fails the test.
 */
public final class ExternalTools {

  /** The Debian package that brings each program. */
  private static final Map<String, String> PACKAGES =
      Map.of(
          "opendkim-genkey", "opendkim-tools",
          "dknewkey", "python3-dkim python3-nacl",
          "rspamadm", "rspamd",
          "openssl", "openssl",
          "dnsmasq", "dnsmasq-base",
          "dkimsign", "python3-dkim python3-nacl");

  private ExternalTools() {}

  /** What a finished program left: its exit code and output. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Fails the test unless the exit code is 0. */
    public Result requireSuccess(List<String> command) {
      if (exitCode != 0) {
        fail(command + " exited with " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr);
      }
      return this;
    }
  }

  /** Returns the program's path, skipping the test when it is not installed (failing it in CI). */
  public static Path require(String program) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin")) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    missing(program, PACKAGES.getOrDefault(program, program));
    return null;
  }

  /**
   * Skips the test because {@code what} is not installed, or fails it in CI ({@code CI=true}),
   * naming the Debian packages that bring it. For what {@link #require(String)} cannot find on the
   * path, such as a Perl module.
   */
  public static void missing(String what, String debianPackages) {
    String message =
        what
            + " is not installed: test skipped (apt-get install --no-install-recommends "
            + debianPackages
            + ")";
    if ("true".equals(System.getenv("CI"))) {
      fail(message.replace("test skipped", "required in CI"));
    }
    Assumptions.assumeTrue(false, message);
  }

  /**
   * Runs a program to its end (at most {@code timeout}, then it is killed by its own handle and the
   * test fails), in {@code directory}, with empty standard input.
   */
  public static Result run(Path directory, Duration timeout, String... command) {
    return run(directory, timeout, Path.of("/dev/null"), command);
  }

  /** Like {@link #run(Path, Duration, String...)}, with {@code input} as standard input. */
  public static Result run(Path directory, Duration timeout, Path input, String... command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(input.toFile()));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + List.of(command), e);
    }
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        fail(List.of(command) + " did not finish within " + timeout);
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Reads a stream to its end on a thread of its own, so that no pipe fills up. */
  private static CompletableFuture<String> drain(InputStream in) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (in) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                text.complete(buffer.toString(StandardCharsets.UTF_8));
              } catch (IOException e) {
                text.complete("(unreadable: " + e.getMessage() + ")");
              }
            },
            "process-output");
    reader.setDaemon(true);
    reader.start();
    return text;
  }
}
