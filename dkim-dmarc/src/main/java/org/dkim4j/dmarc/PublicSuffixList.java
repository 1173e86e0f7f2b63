package org.dkim4j.dmarc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Public Suffix List (https://publicsuffix.org/list/), which RFC 7489 section 3.2 uses to find
 * a domain's Organizational Domain: its registrable domain, the public suffix plus one label.
 * Immutable and thread-safe.
 *
 * <p>Rules, wildcards ({@code *.ck}) and exceptions ({@code !www.ck}) follow the list's own
 * algorithm; the ICANN and private sections are both used, as RFC 7489 does. Names are compared as
 * lowercase A-labels, so Unicode and punycode input give the same answer, each in its own form.
 *
 * <pre>{@code
 * PublicSuffixList psl = PublicSuffixList.bundled();            // shipped in this jar
 * PublicSuffixList fresh = PublicSuffixList.load(Path.of(       // or a file kept current,
 *     "/usr/share/publicsuffix/public_suffix_list.dat"));      // e.g. Debian's publicsuffix
 * psl.registrableDomain("a.b.example.co.uk");                    // Optional[example.co.uk]
 * }</pre>
 */
public final class PublicSuffixList {

  private static final String BUNDLED = "public_suffix_list.dat";

  private final Set<String> rules;
  private final Set<String> wildcards;
  private final Set<String> exceptions;
  private final String version;

  private PublicSuffixList(
      Set<String> rules, Set<String> wildcards, Set<String> exceptions, String version) {
    this.rules = Set.copyOf(rules);
    this.wildcards = Set.copyOf(wildcards);
    this.exceptions = Set.copyOf(exceptions);
    this.version = version;
  }

  /**
   * Returns the list bundled in this jar: the copy shipped by the Apache HttpClient 5 release named
   * in the build, current when this library was built. Loaded once.
   *
   * @return the bundled list, the same instance on every call
   */
  public static PublicSuffixList bundled() {
    return Bundled.LIST;
  }

  /**
   * Reads a list in the publicsuffix.org file format (UTF-8).
   *
   * @param file a file such as {@code public_suffix_list.dat}
   * @return the list
   * @throws IOException when the file cannot be read
   */
  public static PublicSuffixList load(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader);
    }
  }

  /**
   * Reads a list in the publicsuffix.org file format, e.g. {@code "com\nco.uk\n*.ck\n!www.ck"}.
   *
   * @param text the list text, one rule per line
   * @return the list
   */
  public static PublicSuffixList parse(String text) {
    try {
      return read(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen with a string
    }
  }

  /**
   * Reads a list in the publicsuffix.org file format. The reader is not closed.
   *
   * @param reader the list text, one rule per line
   * @return the list
   * @throws IOException when reading fails
   */
  public static PublicSuffixList read(Reader reader) throws IOException {
    Set<String> rules = new HashSet<>();
    Set<String> wildcards = new HashSet<>();
    Set<String> exceptions = new HashSet<>();
    String version = "";
    BufferedReader lines = new BufferedReader(reader);
    String line;
    while ((line = lines.readLine()) != null) {
      String trimmed = line.strip();
      if (trimmed.startsWith("// VERSION:") && version.isEmpty()) {
        version = trimmed.substring("// VERSION:".length()).strip();
      }
      if (trimmed.isEmpty() || trimmed.startsWith("//")) {
        continue;
      }
      String rule = trimmed.split("\\s", 2)[0];
      if (rule.startsWith("!")) {
        add(exceptions, rule.substring(1));
      } else if (rule.startsWith("*.")) {
        add(wildcards, rule.substring(2));
      } else {
        add(rules, rule);
      }
    }
    return new PublicSuffixList(rules, wildcards, exceptions, version);
  }

  private static void add(Set<String> set, String rule) {
    String ascii = toAscii(rule);
    if (ascii != null) {
      set.add(ascii);
    }
  }

  /**
   * Returns the list's {@code // VERSION:} line, or an empty string when it has none.
   *
   * @return the version text after {@code // VERSION:}, or an empty string
   */
  public String version() {
    return version;
  }

  /**
   * Returns the number of rules.
   *
   * @return the number of rules, exception and wildcard rules included
   */
  public int size() {
    return rules.size() + wildcards.size() + exceptions.size();
  }

  /**
   * Returns the public suffix of {@code domain} in the form it was given (lowercase), or empty for
   * input that is not a domain name (null, empty, a leading dot, an empty label).
   *
   * @param domain a domain name, e.g. {@code mail.example.co.uk}; may be {@code null}
   * @return the public suffix, e.g. {@code co.uk}, or empty
   */
  public Optional<String> publicSuffix(String domain) {
    Labels labels = Labels.of(domain);
    if (labels == null) {
      return Optional.empty();
    }
    return Optional.of(labels.suffix(suffixLabels(labels.ascii)));
  }

  /**
   * Returns the registrable domain (the public suffix and one more label) of {@code domain} in the
   * form it was given (lowercase): the RFC 7489 section 3.2 Organizational Domain. Empty when the
   * domain is itself a public suffix, or not a domain name.
   *
   * @param domain a domain name, e.g. {@code mail.example.co.uk}; may be {@code null}
   * @return the registrable domain, e.g. {@code example.co.uk}, or empty
   */
  public Optional<String> registrableDomain(String domain) {
    Labels labels = Labels.of(domain);
    if (labels == null) {
      return Optional.empty();
    }
    int suffix = suffixLabels(labels.ascii);
    if (suffix >= labels.ascii.length) {
      return Optional.empty();
    }
    return Optional.of(labels.suffix(suffix + 1));
  }

  /**
   * Returns the Organizational Domain of RFC 7489 section 3.2: the registrable domain, or {@code
   * domain} itself (lowercase) when it is a public suffix.
   *
   * @param domain a domain name, e.g. {@code mail.example.co.uk}
   * @return the Organizational Domain, e.g. {@code example.co.uk}
   * @throws IllegalArgumentException when {@code domain} is not a domain name
   */
  public String organizationalDomain(String domain) {
    Labels labels = Labels.of(domain);
    if (labels == null) {
      throw new IllegalArgumentException("not a domain name: " + domain);
    }
    int suffix = suffixLabels(labels.ascii);
    return labels.suffix(Math.min(suffix + 1, labels.ascii.length));
  }

  /** Returns how many trailing labels form the public suffix (the prevailing rule). */
  private int suffixLabels(String[] labels) {
    int n = labels.length;
    // An exception rule prevails over every other rule; it makes its parent the suffix.
    for (int i = 0; i < n; i++) {
      if (exceptions.contains(join(labels, i))) {
        return n - i - 1;
      }
    }
    for (int i = 0; i < n; i++) {
      if (rules.contains(join(labels, i))
          || (i + 1 < n && wildcards.contains(join(labels, i + 1)))) {
        return n - i;
      }
    }
    return 1; // the implicit "*" rule
  }

  private static String join(String[] labels, int from) {
    return String.join(".", java.util.Arrays.asList(labels).subList(from, labels.length));
  }

  private static String toAscii(String name) {
    try {
      return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "PublicSuffixList["
        + size()
        + " rules"
        + (version.isEmpty() ? "" : ", " + version)
        + "]";
  }

  /** A domain split into labels, as given (lowercase) and as A-labels. */
  private static final class Labels {
    final String[] given;
    final String[] ascii;

    private Labels(String[] given, String[] ascii) {
      this.given = given;
      this.ascii = ascii;
    }

    static Labels of(String domain) {
      if (domain == null || domain.isEmpty() || domain.startsWith(".")) {
        return null;
      }
      String[] given = domain.toLowerCase(Locale.ROOT).split("\\.", -1);
      String[] ascii = new String[given.length];
      for (int i = 0; i < given.length; i++) {
        if (given[i].isEmpty()) {
          return null;
        }
        ascii[i] = toAscii(given[i]);
        if (ascii[i] == null || ascii[i].isEmpty()) {
          return null;
        }
      }
      return new Labels(given, ascii);
    }

    String suffix(int count) {
      return join(given, given.length - count);
    }
  }

  private static final class Bundled {
    static final PublicSuffixList LIST = load();

    private static PublicSuffixList load() {
      try (InputStream in = PublicSuffixList.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new IllegalStateException("the jar lacks its bundled " + BUNDLED + "; rebuild it");
        }
        return read(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
