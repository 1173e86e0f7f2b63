package org.dkim4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void readsNestedObjectsAndArraysKeepingMemberOrder() {
    Map<String, Object> obj =
        Json.object(Json.parse(" {\"z\": [1, -2.5e1, true, false, null], \"a\": {}, \"m\": []} "));

    assertEquals(List.of("z", "a", "m"), List.copyOf(obj.keySet()));
    assertEquals(Arrays.asList(1L, -25.0, true, false, null), Json.array(obj.get("z")));
    assertEquals(Map.of(), obj.get("a"));
    assertEquals(List.of(), obj.get("m"));
  }

  @Test
  void decodesEveryStringEscape() {
    assertEquals(
        "q\" b\\ s/ \b\f\n\r\t \u00e9\u20ac",
        Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\""));
  }

  @Test
  void readsNullAsAValue() {
    assertNull(Json.object(Json.parse("{\"k\":null}")).get("k"));
  }

  @Test
  void rejectsMalformedJson() {
    for (String bad :
        List.of(
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "\"open",
            "\"\\x\"",
            "tru",
            "1 2",
            "{\"a\":1,\"a\":2}",
            "\"\u0001\"",
            "-")) {
      assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
    }
  }
}
