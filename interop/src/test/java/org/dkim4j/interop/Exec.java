package org.dkim4j.interop;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs outside programs: to their end with a time limit, or in the background as daemons. */
final class Exec {

  /** What a finished program left. */
  record Result(List<String> command, int exitCode, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Throws unless the program exited with 0. */
    Result requireSuccess() {
      if (exitCode != 0) {
        throw new IllegalStateException(
            command + " exited with " + exitCode + ": " + Verdict.oneLine(out() + " " + stderr));
      }
      return this;
    }
  }

  private final List<String> command = new ArrayList<>();
  private final Map<String, String> environment = new HashMap<>();
  private Path stdin;
  private Duration timeout = Duration.ofMinutes(2);

  private Exec(List<String> command) {
    this.command.addAll(command);
  }

  static Exec of(String... command) {
    return new Exec(List.of(command));
  }

  static Exec of(List<String> command) {
    return new Exec(command);
  }

  Exec env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  Exec stdin(Path file) {
    this.stdin = file;
    return this;
  }

  Exec timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** Runs the program to its end; it is killed (by its own handle) when it overruns. */
  Result run() {
    ProcessBuilder builder = builder();
    builder.redirectInput(
        stdin == null
            ? ProcessBuilder.Redirect.from(new File("/dev/null"))
            : ProcessBuilder.Redirect.from(stdin.toFile()));
    Process process = start(builder);
    CompletableFuture<byte[]> out = drain(process.getInputStream());
    CompletableFuture<byte[]> err = drain(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      return new Result(
          List.copyOf(command),
          process.exitValue(),
          out.join(),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  /** Starts the program in the background, its output appended to {@code log}. */
  Process background(Path log) {
    ProcessBuilder builder = builder();
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return start(builder);
  }

  /** Stops a background program by its handle: TERM, then KILL after a grace period. */
  static void stop(Process process) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Returns the program's path when it is installed (on PATH or in the sbin directories). */
  static Path which(String program) {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin"));
    for (String dir : dirs) {
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private ProcessBuilder builder() {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    return builder;
  }

  private Process start(ProcessBuilder builder) {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  private static CompletableFuture<byte[]> drain(InputStream in) {
    CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (in) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                bytes.complete(buffer.toByteArray());
              } catch (IOException e) {
                bytes.complete(
                    ("(unreadable: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8));
              }
            },
            "exec-output");
    reader.setDaemon(true);
    reader.start();
    return bytes;
  }
}
