package org.dkim4j.interop;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Launches {@link InteropRun} in a JVM of its own inside new network, mount and PID namespaces. In
 * there only loopback exists, so no peer can reach any address but 127.0.0.1 whatever its defaults;
 * mounts (resolv.conf) are private to it; and when it ends, the kernel ends every process it left.
 */
final class IsolatedRun {
  private IsolatedRun() {}

  static void run(Path work, Path jar, Path peerScripts, Duration limit)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            "unshare",
            "--net",
            "--mount",
            "--propagation",
            "private",
            "--pid",
            "--fork",
            "--mount-proc",
            "--kill-child",
            "--",
            java.toString(),
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            InteropRun.class.getName(),
            work.toString(),
            jar.toString(),
            peerScripts.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process = builder.start();
    // Relay the run's progress into the build log, and keep a copy.
    Thread relay =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  PrintWriter log =
                      new PrintWriter(Files.newBufferedWriter(work.resolve("run.log")))) {
                for (String line; (line = in.readLine()) != null; ) {
                  System.out.println("interop " + line);
                  log.println(line);
                }
              } catch (IOException e) {
                System.out.println("interop: output lost: " + e);
              }
            },
            "interop-output");
    relay.start();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroy(); // unshare --kill-child takes the namespace's processes with it
      process.waitFor(20, TimeUnit.SECONDS);
      relay.join(5000);
      throw new IllegalStateException("the interoperability run took longer than " + limit);
    }
    relay.join(10000);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "the interoperability run failed (exit "
              + process.exitValue()
              + "); see the output above and "
              + work.resolve("run.log"));
    }
  }
}
