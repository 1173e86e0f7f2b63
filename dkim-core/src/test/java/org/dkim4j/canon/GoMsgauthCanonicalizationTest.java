package org.dkim4j.canon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dkim4j.testing.Corpora;
import org.dkim4j.testing.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** go-msgauth's canonicalization vectors, read in place from the shared corpora. */
class GoMsgauthCanonicalizationTest {

  @TestFactory
  Stream<DynamicTest> everyVectorCanonicalizesAsExpected() throws IOException {
    Map<String, Object> vectors =
        Json.object(
            Json.parse(
                Files.readString(
                    Corpora.require("go-msgauth", "canonicalization-vectors.json"),
                    StandardCharsets.UTF_8)));
    List<DynamicTest> tests = new ArrayList<>();
    int n = 0;
    for (Object v : Json.array(vectors.get("simple_body"))) {
      tests.add(body("simple body " + n++, Canonicalization.SIMPLE, Json.object(v)));
    }
    n = 0;
    for (Object v : Json.array(vectors.get("relaxed_body"))) {
      tests.add(body("relaxed body " + n++, Canonicalization.RELAXED, Json.object(v)));
    }
    n = 0;
    for (Object v : Json.array(vectors.get("relaxed_body_split_crlf"))) {
      tests.add(body("relaxed body split CRLF " + n++, Canonicalization.RELAXED, Json.object(v)));
    }
    n = 0;
    for (Object v : Json.array(vectors.get("relaxed_header"))) {
      Map<String, Object> vector = Json.object(v);
      String input = (String) vector.get("input");
      String expected = (String) vector.get("expected");
      tests.add(
          DynamicTest.dynamicTest(
              "relaxed header " + n++,
              () ->
                  assertEquals(
                      expected,
                      new String(
                          HeaderCanonicalizer.canonicalize(
                              Canonicalization.RELAXED, input.getBytes(StandardCharsets.UTF_8)),
                          StandardCharsets.UTF_8))));
    }
    assertEquals(25, tests.size(), "the corpus has 25 canonicalization vectors");
    return tests.stream();
  }

  private static DynamicTest body(String name, Canonicalization c, Map<String, Object> vector) {
    List<String> chunks = new ArrayList<>();
    if (vector.containsKey("input_chunks")) {
      for (Object chunk : Json.array(vector.get("input_chunks"))) {
        chunks.add((String) chunk);
      }
    } else {
      chunks.add((String) vector.get("input"));
    }
    String expected = (String) vector.get("expected");
    return DynamicTest.dynamicTest(
        name + " " + chunks,
        () -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          BodyCanonicalizer canonicalizer = BodyCanonicalizer.of(c, out::write);
          for (String chunk : chunks) {
            byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
            canonicalizer.update(bytes, 0, bytes.length);
          }
          canonicalizer.finish();
          assertEquals(expected, out.toString(StandardCharsets.UTF_8));
        });
  }
}
