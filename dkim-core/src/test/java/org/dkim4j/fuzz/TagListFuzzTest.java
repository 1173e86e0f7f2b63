package org.dkim4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.dkim4j.tag.TagList;
import org.dkim4j.tag.TagSyntaxException;

class TagListFuzzTest {

  /**
   * Any text either fails with TagSyntaxException or parses into valid names and trimmed values
   * without ';'; format-parse round-trips, and the builder rebuilds the same list.
   */
  @FuzzTest(maxDuration = "10m")
  void parseFormatParseRoundTrips(byte[] input) {
    if (input == null) {
      return;
    }
    // The input is UTF-8 text: a byte[] parameter reaches the test as is, so seed files
    // are plain text (Jazzer hands a String parameter over in an encoding of its own).
    String text = new String(input, StandardCharsets.UTF_8);
    TagList parsed;
    try {
      parsed = TagList.parse(text);
    } catch (TagSyntaxException expected) {
      return;
    }
    TagList.Builder builder = TagList.builder();
    for (Map.Entry<String, String> tag : parsed.asMap().entrySet()) {
      String name = tag.getKey();
      String value = tag.getValue();
      assertTrue(TagList.isTagName(name), name);
      assertFalse(value.indexOf(';') >= 0, value);
      assertFalse(
          !value.isEmpty() && (isFws(value.charAt(0)) || isFws(value.charAt(value.length() - 1))),
          "untrimmed value \"" + value + "\"");
      assertEquals(value, parsed.getOrNull(name));
      builder.add(name, value);
    }
    assertEquals(parsed.asMap().size(), parsed.size());
    assertEquals(parsed, TagList.parse(parsed.format()));
    assertEquals(parsed.names(), TagList.parse(parsed.format()).names());
    assertEquals(parsed, builder.build());
  }

  private static boolean isFws(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
