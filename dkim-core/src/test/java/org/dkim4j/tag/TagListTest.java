package org.dkim4j.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagListTest {

  @Test
  void trimWhitespaceRemovesFoldingWhitespaceOnly() {
    assertEquals("a b", TagList.trimWhitespace(" \t\r\n a b \r\n\t "));
    assertEquals("0\u001d", TagList.trimWhitespace(" 0\u001d "));
    assertEquals("\u00a0x", TagList.trimWhitespace("\u00a0x"));
    assertEquals("", TagList.trimWhitespace(" \t "));
  }

  @Test
  void parsesTagsInOrderAndStripsSurroundingWhitespace() {
    TagList tags = TagList.parse(" v = 1 ;\r\n a=rsa-sha256;b= ab\r\n cd ; ");
    assertEquals(List.of("v", "a", "b"), tags.names());
    assertEquals("1", tags.getOrNull("v"));
    assertEquals("ab\r\n cd", tags.getOrNull("b"));
  }

  @Test
  void readsEveryTagByIndexInFieldOrder() {
    TagList tags = TagList.parse("v=1; bh=abc; x_1 = two words ;z=");
    assertEquals(4, tags.size());
    assertEquals(List.of("v", "bh", "x_1", "z"), tags.names());
    assertEquals("bh", tags.name(1));
    assertEquals("two words", tags.value(2));
    assertEquals("", tags.value(3));
    assertThrows(IndexOutOfBoundsException.class, () -> tags.name(4));
    assertThrows(IndexOutOfBoundsException.class, () -> tags.value(-1));
  }

  @Test
  void asMapKeepsTheOrderAndCannotBeChanged() {
    TagList tags = TagList.parse("s=email; p=abc; k=rsa");
    assertEquals(List.of("s", "p", "k"), List.copyOf(tags.asMap().keySet()));
    assertEquals(List.of("email", "abc", "rsa"), List.copyOf(tags.asMap().values()));
    assertThrows(UnsupportedOperationException.class, () -> tags.asMap().put("t", "y"));
  }

  @Test
  void equalityIgnoresOrderAsForAMap() {
    TagList one = TagList.parse("a=1; b=2");
    TagList other = TagList.parse("b=2;a=1");
    assertEquals(one, other);
    assertEquals(one.hashCode(), other.hashCode());
    assertFalse(one.equals(TagList.parse("a=1; b=3")));
    assertFalse(one.equals(TagList.parse("a=1")));
  }

  @Test
  void findsADuplicateAmongManyTags() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      many.append("t").append(i).append('=').append(i).append(';');
    }
    TagList tags = TagList.parse(many);
    assertEquals(40, tags.size());
    assertEquals("39", tags.getOrNull("t39"));
    for (String duplicate : List.of("t0", "t15", "t16", "t39")) {
      TagSyntaxException e =
          assertThrows(TagSyntaxException.class, () -> TagList.parse(many + duplicate + "=again"));
      assertEquals("duplicate tag " + duplicate + "=", e.getMessage());
    }
  }

  @Test
  void findsDuplicatesOfOneLetterNamesCaseSensitively() {
    assertEquals(2, TagList.parse("a=1; A=2").size());
    assertEquals(3, TagList.parse("z=1; Z=2; a=3").size());
    for (String list : List.of("A=1; A=2", "z=1; b=2; z=3", "a=1; a_=2; a=3", "Z=1;Z=2")) {
      TagSyntaxException e = assertThrows(TagSyntaxException.class, () -> TagList.parse(list));
      assertTrue(e.getMessage().startsWith("duplicate tag "), list + ": " + e.getMessage());
    }
    StringBuilder many = new StringBuilder("q=0;");
    for (int i = 0; i < 20; i++) {
      many.append("t").append(i).append("=x;");
    }
    TagSyntaxException e =
        assertThrows(TagSyntaxException.class, () -> TagList.parse(many + "q=again"));
    assertEquals("duplicate tag q=", e.getMessage());
    assertEquals(22, TagList.parse(many + "Q=other").size());
  }

  @Test
  void allowsATrailingSemicolonAndAnEmptyValue() {
    TagList tags = TagList.parse("p=;");
    assertEquals("", tags.getOrNull("p"));
    assertEquals(0, TagList.parse("").size());
    assertEquals(0, TagList.parse("  ").size());
  }

  @Test
  void rejectsDuplicateTags() {
    TagSyntaxException e = assertThrows(TagSyntaxException.class, () -> TagList.parse("a=1; a=2"));
    assertTrue(e.getMessage().contains("duplicate tag a="), e.getMessage());
  }

  @Test
  void rejectsInvalidNamesMissingEqualsAndEmptySpecs() {
    assertThrows(TagSyntaxException.class, () -> TagList.parse("1a=x"));
    assertThrows(TagSyntaxException.class, () -> TagList.parse("a b=x"));
    assertThrows(TagSyntaxException.class, () -> TagList.parse("novalue"));
    assertThrows(TagSyntaxException.class, () -> TagList.parse("a=1;;b=2"));
    assertThrows(TagSyntaxException.class, () -> TagList.parse("=1"));
  }

  @Test
  void tagNamesAreCaseSensitive() {
    TagList tags = TagList.parse("V=1; v=2");
    assertEquals("1", tags.getOrNull("V"));
    assertEquals("2", tags.getOrNull("v"));
    assertFalse(tags.contains("A"));
  }

  @Test
  void formatAndParseRoundTrip() {
    TagList built =
        TagList.builder().add("v", "DKIM1").add("k", "ed25519").add("p", "abc=").build();
    assertEquals("v=DKIM1; k=ed25519; p=abc=", built.format());
    assertEquals(built, TagList.parse(built.format()));
  }

  @Test
  void builderRejectsSemicolonsAndDuplicates() {
    assertThrows(IllegalArgumentException.class, () -> TagList.builder().add("a", "x;y"));
    assertThrows(
        IllegalArgumentException.class, () -> TagList.builder().add("a", "1").add("a", "2"));
  }

  @Test
  void builderTrimsTheWhitespaceTheParserTrimsAndNothingElse() {
    TagList built = TagList.builder().add("a", " \t\r\n b\u000b\u3000 \r\n").build();
    assertEquals("b\u000b\u3000", built.getOrNull("a"));
    assertEquals(TagList.parse("a= \t\r\n b\u000b\u3000 \r\n"), built);
  }
}
