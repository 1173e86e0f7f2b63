package org.dkim4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignAndVerifyTest {

  @Test
  void exampleSignsVerifiesAndDetectsTampering() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean ok = SignAndVerify.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(ok, output);
    assertTrue(output.contains("3. Verified: dkim=pass header.d=example.com"), output);
    assertTrue(output.contains("dkim=fail (body hash did not verify)"), output);
  }
}
