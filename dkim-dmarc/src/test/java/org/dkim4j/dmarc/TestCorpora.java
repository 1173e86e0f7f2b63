package org.dkim4j.dmarc;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test corpora in {@code ../shared/corpora} beside the repository, read in place. Tests
 * that need them skip when the folder is absent, except in CI ({@code CI=true}), where its absence
 * fails them.
 */
final class TestCorpora {
  private TestCorpora() {}

  static Path root() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null && d.getParent() != null; d = d.getParent()) {
      Path candidate = d.resolveSibling("shared").resolve("corpora");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    String message = "../shared/corpora not found beside the repository: corpus tests skipped";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (required in CI)");
    }
    Assumptions.assumeTrue(false, message);
    return null;
  }

  static Path path(String first, String... more) {
    return root().resolve(Path.of(first, more));
  }

  static List<String> lines(String first, String... more) {
    try {
      return Files.readAllLines(path(first, more), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String first, String... more) {
    try {
      return Files.readString(path(first, more), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String first, String... more) {
    try {
      return Files.readAllBytes(path(first, more));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] toCrlf(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + bytes.length / 40);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
        out.write('\r');
      }
      out.write(bytes[i]);
    }
    return out.toByteArray();
  }

  /**
   * Adds the records of a {@code dns-records.txt} section (lines {@code name TYPE value}) to a
   * resolver: TXT records; SERVFAIL and TIMEOUT as temporary failures; a name with only other
   * record types as existing without TXT (NODATA), so that the RFC 8020 existence check sees it.
   */
  static void addRecords(InMemoryTxtResolver.Builder builder, List<String> lines) {
    java.util.Set<String> withTxt = new java.util.HashSet<>();
    java.util.Set<String> existing = new java.util.HashSet<>();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\s+", 3);
      if (parts.length < 2) {
        continue;
      }
      String name = parts[0].toLowerCase(java.util.Locale.ROOT);
      String type = parts[1];
      String value = parts.length > 2 ? parts[2] : "";
      if (type.equals("SERVFAIL") || type.equals("TIMEOUT")) {
        builder.temporaryFailure(name);
      } else if (type.equals("TXT")) {
        if (value.equals("SERVFAIL") || value.equals("TIMEOUT")) {
          builder.temporaryFailure(name);
        } else if (!value.equals("NXDOMAIN")) {
          builder.txt(name, joinStrings(value));
          withTxt.add(name);
        }
      } else if (!type.equals("NXDOMAIN") && !value.equals("NXDOMAIN")) {
        existing.add(name);
      }
    }
    existing.removeAll(withTxt);
    existing.forEach(builder::noData);
  }

  /** Joins the quoted character-strings of a master-file TXT value. */
  static String joinStrings(String text) {
    StringBuilder out = new StringBuilder();
    boolean inQuotes = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        inQuotes = !inQuotes;
      } else if (c == '\\' && i + 1 < text.length()) {
        out.append(text.charAt(++i));
      } else if (inQuotes) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
