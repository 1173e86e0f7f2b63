package org.dkim4j.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What the suite needs from the machine: root, apt, unshare and a built dkim4j command; and the
 * peers, which it installs when they are missing. Without them it is skipped with the reason, or
 * fails when {@code CI=true}.
 */
final class Prerequisites {
  private Prerequisites() {}

  /** The peers and the DNS server, as Debian 12 packages them; iproute2 brings loopback up. */
  static final List<String> PACKAGES =
      List.of(
          "opendkim",
          "opendkim-tools",
          "python3-dkim",
          "python3-nacl",
          "python3-authres",
          "libmail-dkim-perl",
          "rspamd",
          "dnsmasq-base",
          "iproute2");

  private static final Path POLICY_RC_D = Path.of("/usr/sbin/policy-rc.d");

  /** Skips the test (fails it in CI) unless the suite can run here. */
  static void check(Path jar) {
    if (!"0".equals(Exec.of("id", "-u").run().out().strip())) {
      unavailable("the interoperability suite needs root (apt-get, unshare --net --mount)");
    }
    for (String tool : List.of("apt-get", "dpkg-query", "unshare", "mount")) {
      if (Exec.which(tool) == null) {
        unavailable("the interoperability suite needs " + tool + " (Debian 12)");
      }
    }
    Exec.Result probe =
        Exec.of("unshare", "--net", "--mount", "--pid", "--fork", "true")
            .timeout(Duration.ofSeconds(30))
            .run();
    if (probe.exitCode() != 0) {
      unavailable(
          "unshare cannot make a private network namespace here ("
              + probe.stderr().strip()
              + "); the suite never runs outside one");
    }
    if (!Files.isRegularFile(jar)) {
      unavailable(jar + " is not built: run ./mvnw -B verify (or package) from the top directory");
    }
    Path newer = newerClasses(jar);
    if (newer != null) {
      unavailable(jar + " is older than " + newer + ": rebuild it with ./mvnw -B package");
    }
  }

  /** Installs the packages that are missing, without letting their daemons start. */
  static void installMissingPackages() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String p : PACKAGES) {
      Exec.Result status = Exec.of("dpkg-query", "-W", "-f=${Status}", p).run();
      if (!status.out().contains("install ok installed")) {
        missing.add(p);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    System.out.println("interop: installing " + missing);
    boolean madePolicy = false;
    if (!Files.exists(POLICY_RC_D)) {
      Files.writeString(
          POLICY_RC_D, "#!/bin/sh\n# Never start a daemon while packages install.\nexit 101\n");
      POLICY_RC_D.toFile().setExecutable(true);
      madePolicy = true;
    }
    try {
      List<String> install =
          new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
      install.addAll(missing);
      Exec.Result result =
          Exec.of(install)
              .env("DEBIAN_FRONTEND", "noninteractive")
              .timeout(Duration.ofMinutes(10))
              .run();
      if (result.exitCode() != 0) {
        // The package lists may be missing or stale: update them once and try again.
        Exec.of("apt-get", "update", "-q").timeout(Duration.ofMinutes(5)).run().requireSuccess();
        result =
            Exec.of(install)
                .env("DEBIAN_FRONTEND", "noninteractive")
                .timeout(Duration.ofMinutes(10))
                .run();
      }
      if (result.exitCode() != 0) {
        unavailable("apt-get could not install " + missing + ": " + result.stderr().strip());
      }
    } finally {
      if (madePolicy) {
        Files.deleteIfExists(POLICY_RC_D);
      }
    }
  }

  /** A class file of the command's modules newer than the jar, when the jar is stale. */
  private static Path newerClasses(Path jar) {
    try {
      long built = Files.getLastModifiedTime(jar).toMillis();
      Path root = jar.toAbsolutePath().getParent().getParent().getParent();
      for (String module : List.of("dkim-core", "dkim-dmarc", "dkim-jakarta-mail", "examples")) {
        Path classes = root.resolve(module).resolve("target/classes");
        if (!Files.isDirectory(classes)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(classes)) {
          Path newer =
              files
                  .filter(Files::isRegularFile)
                  .filter(f -> f.toFile().lastModified() > built)
                  .findFirst()
                  .orElse(null);
          if (newer != null) {
            return newer;
          }
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  static void unavailable(String why) {
    if ("true".equals(System.getenv("CI"))) {
      fail(why + " (required in CI: CI=true)");
    }
    Assumptions.abort(why + ": interoperability suite skipped (with CI=true this fails)");
  }
}
