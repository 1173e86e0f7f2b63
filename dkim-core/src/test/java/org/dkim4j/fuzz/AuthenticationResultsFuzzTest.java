package org.dkim4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.dkim4j.auth.AuthenticationResults;
import org.dkim4j.auth.AuthenticationResultsSyntaxException;

/**
 * {@link AuthenticationResults#parse} fails only with {@link AuthenticationResultsSyntaxException};
 * what it reads survives {@code format()} and {@code toHeaderField()} unchanged, and the folded
 * field unfolds to exactly the one-line form.
 */
class AuthenticationResultsFuzzTest {

  private static final String PREFIX = AuthenticationResults.FIELD_NAME + ": ";

  @FuzzTest(maxDuration = "10m")
  void parseFormatParseRoundTrips(byte[] input) {
    if (input == null) {
      return;
    }
    // The input is UTF-8 text: a byte[] parameter reaches the test as is, so seed files
    // are plain text (Jazzer hands a String parameter over in an encoding of its own).
    String field = new String(input, StandardCharsets.UTF_8);
    AuthenticationResults parsed;
    try {
      parsed = AuthenticationResults.parse(field);
    } catch (AuthenticationResultsSyntaxException expected) {
      return;
    }
    assertFalse(parsed.authservId().isEmpty());

    String line = parsed.format();
    assertFalse(line.contains("\r") || line.contains("\n"), "format() broke the line");
    assertEquals(parsed, AuthenticationResults.parse(line), line);
    assertEquals(line, parsed.toString());

    String folded = parsed.toHeaderField();
    assertEquals(parsed, AuthenticationResults.parse(folded), folded);
    // The first line may hold the name alone when the authserv-id does not fit behind it.
    assertTrue(
        folded.startsWith(AuthenticationResults.FIELD_NAME + ":") && folded.endsWith("\r\n"),
        folded);
    String[] lines = folded.substring(0, folded.length() - 2).split("\r\n", -1);
    for (int i = 1; i < lines.length; i++) {
      assertTrue(lines[i].startsWith(" "), "a folded line must start with a space: " + folded);
      assertFalse(
          lines[i].replace(" ", "").replace("\t", "").isEmpty(),
          "a folded line of whitespace only: " + folded);
    }
    assertEquals(PREFIX + line, String.join("", lines), "unfolding does not restore format()");

    for (var entry : parsed.results()) {
      assertEquals(entry.format(), entry.toString());
      assertTrue(parsed.resultsFor(entry.method()).contains(entry));
    }
  }
}
