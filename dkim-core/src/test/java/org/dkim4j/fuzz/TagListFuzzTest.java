package org.dkim4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.dkim4j.tag.TagList;
import org.dkim4j.tag.TagSyntaxException;

class TagListFuzzTest {

  /** Any text either fails with TagSyntaxException or parses, and format-parse round-trips. */
  @FuzzTest(maxDuration = "10s")
  void parseFormatParseRoundTrips(String text) {
    if (text == null) {
      return;
    }
    TagList parsed;
    try {
      parsed = TagList.parse(text);
    } catch (TagSyntaxException expected) {
      return;
    }
    assertEquals(parsed, TagList.parse(parsed.format()));
  }
}
