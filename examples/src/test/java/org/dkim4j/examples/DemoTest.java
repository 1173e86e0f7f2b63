package org.dkim4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void demoSignsVerifiesEvaluatesDmarcAndCatchesTheChange() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean ok = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(ok, output);
    assertTrue(output.contains("DKIM-Signature: v=1; a=rsa-sha256;"), output);
    assertTrue(output.contains("DKIM-Signature: v=1; a=ed25519-sha256;"), output);
    assertTrue(
        output.contains("dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com"),
        output);
    assertTrue(
        output.contains("dmarc=fail (p=REJECT sp=REJECT dis=REJECT) header.from=example.com"),
        output);
    assertTrue(output.contains("Message-ID: <") && output.contains("@example.com>"), output);
  }
}
