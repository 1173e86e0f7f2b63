package org.dkim4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dkim4j.dns.InMemoryTxtResolver;
import org.dkim4j.dns.TxtLookup;
import org.dkim4j.dns.TxtResolver;
import org.dkim4j.message.Ascii;
import org.junit.jupiter.api.Assumptions;

/**
 * Access to the shared test corpora in {@code ../shared/corpora} beside the repository, read in
 * place. Tests that need them are skipped when the folder is absent, except in CI ({@code
 * CI=true}), where its absence is a failure.
 */
public final class Corpora {
  private Corpora() {}

  /** Returns the corpora folder, skipping (or failing in CI) when it is absent. */
  public static Path root() {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        dir.getParent() != null;
        dir = dir.getParent()) {
      Path candidate = dir.getParent().resolve("shared").resolve("corpora");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    skipOrFail(
        "../shared/corpora not found beside "
            + System.getProperty("user.dir")
            + " or any of its parents: corpus tests skipped");
    return null;
  }

  /**
   * Returns {@code ../shared/corpora/<first>/<more...>}, skipping (or, in CI, failing) the calling
   * test if it does not exist.
   */
  public static Path require(String first, String... more) {
    Path path = root().resolve(Path.of(first, more));
    if (!Files.exists(path)) {
      skipOrFail("../shared/corpora is incomplete: " + path + " is missing");
    }
    return path;
  }

  private static void skipOrFail(String message) {
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true, so this is an error)");
    }
    Assumptions.assumeTrue(false, message);
  }

  /** Returns a file of the corpora, e.g. {@code path("rfc-examples", "rfc8463-A3-signed.eml")}. */
  public static Path path(String first, String... more) {
    return require(first, more);
  }

  /** Reads a corpus file's bytes. */
  public static byte[] bytes(String first, String... more) {
    try {
      return Files.readAllBytes(path(first, more));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the bytes with every bare LF turned into CRLF. */
  public static byte[] toCrlf(byte[] bytes) {
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
   * Loads a folder's {@code dns-records.txt} (format: {@code name TYPE "string" ["string"...]}, or
   * {@code name NXDOMAIN|SERVFAIL|TIMEOUT}) as a resolver of its TXT records.
   */
  public static InMemoryTxtResolver resolver(String folder) {
    return resolverOf(lines(folder, "dns-records.txt"));
  }

  /**
   * Loads the records of one section of a folder's {@code dns-records.txt}: the lines after the
   * comment {@code # config: <section>} up to the next such comment. Used where one file holds the
   * fake DNS of several upstream configurations that map the same name differently (rspamd).
   *
   * @throws IllegalArgumentException when the file has no such section
   */
  public static InMemoryTxtResolver resolver(String folder, String section) {
    List<String> selected = new ArrayList<>();
    boolean found = false;
    boolean inSection = false;
    for (String line : lines(folder, "dns-records.txt")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("# config:")) {
        inSection = trimmed.substring("# config:".length()).strip().equals(section);
        found |= inSection;
      } else if (inSection) {
        selected.add(line);
      }
    }
    if (!found) {
      throw new IllegalArgumentException(folder + "/dns-records.txt has no section " + section);
    }
    return resolverOf(selected);
  }

  /**
   * Returns a resolver answering {@code name} with {@code records}, and others from {@code base}.
   */
  public static TxtResolver withRecord(TxtResolver base, String name, String... records) {
    TxtLookup answer = TxtLookup.found(records);
    String wanted = normalize(name);
    return queried -> normalize(queried).equals(wanted) ? answer : base.lookup(queried);
  }

  private static String normalize(String name) {
    String lower = Ascii.toLowerCase(name);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /**
   * Reads a tab-separated file whose first line names the columns. Blank lines and lines starting
   * with {@code #} are skipped; each row maps column names to cells (missing cells are empty).
   */
  public static List<Map<String, String>> tsv(String folder, String file) {
    List<Map<String, String>> rows = new ArrayList<>();
    String[] columns = null;
    for (String line : lines(folder, file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (columns == null) {
        columns = cells;
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < columns.length; i++) {
        row.put(columns[i], i < cells.length ? cells[i] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> lines(String folder, String file) {
    try {
      return Files.readAllLines(path(folder, file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InMemoryTxtResolver resolverOf(List<String> lines) {
    InMemoryTxtResolver.Builder builder = InMemoryTxtResolver.builder();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] head = trimmed.split("\\s+", 3);
      String name = head[0];
      if (head.length < 2) {
        continue;
      }
      String type = head[1];
      if (type.equals("SERVFAIL") || type.equals("TIMEOUT")) {
        builder.temporaryFailure(name);
      } else if (type.equals("NXDOMAIN")) {
        continue; // absent names are NXDOMAIN anyway
      } else if (type.equals("TXT") && head.length == 3) {
        String rest = head[2];
        if (rest.equals("SERVFAIL") || rest.equals("TIMEOUT")) {
          builder.temporaryFailure(name);
        } else if (!rest.equals("NXDOMAIN")) {
          builder.txt(name, joinStrings(rest));
        }
      }
    }
    return builder.build();
  }

  /** Joins the quoted character-strings of a master-file TXT value, resolving escapes. */
  static String joinStrings(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean inQuotes = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        inQuotes = !inQuotes;
      } else if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(i + 1);
        if (Character.isDigit(next) && i + 3 < text.length()) {
          out.write(Integer.parseInt(text.substring(i + 1, i + 4)));
          i += 3;
        } else {
          out.write(next);
          i++;
        }
      } else if (inQuotes) {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(encoded, 0, encoded.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
