package org.dkim4j.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.dkim4j.crypto.SigningKey;
import org.dkim4j.dkim.DkimResult;
import org.dkim4j.dkim.DkimResults;
import org.dkim4j.dkim.DkimSigner;
import org.dkim4j.dkim.DkimVerifier;
import org.dkim4j.dns.InMemoryTxtResolver;

/**
 * Generates an RSA-2048 key, signs a message, verifies it against an in-memory DNS zone that
 * publishes the key, then changes one byte and shows the failure. No network is used.
 */
public final class SignAndVerify {
  private SignAndVerify() {}

  static final String MESSAGE =
      "From: Alice <alice@example.com>\r\n"
          + "To: Bob <bob@example.org>\r\n"
          + "Subject: Hello from dkim4j\r\n"
          + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
          + "Message-ID: <hello@example.com>\r\n"
          + "\r\n"
          + "This message is signed with DKIM.\r\n";

  /** Runs the example. */
  public static void main(String[] args) throws NoSuchAlgorithmException {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}; returns true when the story came out as told. */
  public static boolean run(PrintStream out) throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    SigningKey key = SigningKey.of(generator.generateKeyPair().getPrivate());
    String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.publicKeyData());
    out.println("1. Generated " + key + "; DNS record to publish:");
    out.println("   demo._domainkey.example.com. IN TXT \"" + record.substring(0, 60) + "...\"");

    DkimSigner signer =
        DkimSigner.builder().domain("example.com").selector("demo").key(key).build();
    byte[] signed = signer.sign(MESSAGE.getBytes(StandardCharsets.UTF_8));
    String text = new String(signed, StandardCharsets.UTF_8);
    out.println("2. Signed message header:");
    out.print(text.substring(0, text.indexOf("\r\n\r\n") + 2).replaceAll("(?m)^", "   "));

    DkimVerifier verifier =
        DkimVerifier.builder()
            .resolver(
                InMemoryTxtResolver.builder().txt("demo._domainkey.example.com", record).build())
            .build();
    DkimResults results = verifier.verify(signed);
    out.println("3. Verified: " + describe(results));

    byte[] tampered = text.replace("signed with", "signed w1th").getBytes(StandardCharsets.UTF_8);
    DkimResults tamperedResults = verifier.verify(tampered);
    out.println("4. After changing one body byte: " + describe(tamperedResults));
    return results.anyPassed() && !tamperedResults.anyPassed();
  }

  private static String describe(DkimResults results) {
    StringBuilder s = new StringBuilder();
    for (DkimResult r : results) {
      s.append("dkim=").append(r.status().resultName());
      if (!r.reason().isEmpty()) {
        s.append(" (").append(r.reason()).append(")");
      }
      s.append(" header.d=").append(r.domain()).append(" header.s=").append(r.selector());
    }
    return s.toString();
  }
}
