package org.dkim4j.jakarta;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dkim4j.jakarta.TestKeys.Variant;

/**
 * Every {@link MessageShape} signed with every {@link Variant}, sent with {@code Transport.send}
 * through GreenMail on 127.0.0.1, and the received bytes saved under {@code target/received-mail/}.
 * Built once per JVM and shared by the tests that verify it (dkim4j and the other implementations).
 */
final class ReceivedCorpus {

  static final Path DIRECTORY = Path.of("target", "received-mail");

  /** The key records, one "NAME RECORD" line each. */
  static final Path KEYS = DIRECTORY.resolve("keys.txt");

  /** One received message. */
  record Case(MessageShape shape, Variant variant, byte[] raw, Path file) {
    String name() {
      return variant.label() + " / " + shape;
    }

    /** The message, decoded byte for byte. */
    String text() {
      return new String(raw, StandardCharsets.ISO_8859_1);
    }
  }

  private static List<Case> cases;

  /**
   * Returns copies of the plain messages with one body word changed, which no verifier may pass:
   * the negative control that shows a verifier is really checking.
   */
  static List<Path> tampered() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Case c : get()) {
      if (c.shape() == MessageShape.PLAIN_7BIT) {
        Path file = c.file().resolveSibling("tampered-" + c.file().getFileName());
        String text = new String(Files.readAllBytes(c.file()), StandardCharsets.ISO_8859_1);
        Files.write(file, text.replace("noon", "nine").getBytes(StandardCharsets.ISO_8859_1));
        files.add(file);
      }
    }
    return files;
  }

  private ReceivedCorpus() {}

  static synchronized List<Case> get() {
    if (cases == null) {
      try {
        cases = send();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return cases;
  }

  private static List<Case> send() throws IOException, MessagingException {
    Map<String, MessageShape> shapes = new LinkedHashMap<>();
    Map<String, Variant> variants = new LinkedHashMap<>();
    try (LoopbackSmtp smtp = new LoopbackSmtp()) {
      for (Variant variant : Variant.values()) {
        for (MessageShape shape : MessageShape.values()) {
          MimeMessage message =
              shape.create(
                  new DkimSigningMimeMessage(smtp.session(shape.utf8Headers()), variant.signer()));
          String id = variant + "-" + shape;
          message.setHeader("X-Test-Case", id);
          shapes.put(id, shape);
          variants.put(id, variant);
          Transport.send(message);
        }
      }
      List<Case> result = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      for (MimeMessage received : smtp.received()) {
        String id = received.getHeader("X-Test-Case", null);
        if (seen.contains(id)) {
          continue; // the Bcc shape arrives once per recipient, with the same bytes
        }
        seen.add(id);
        Variant variant = variants.get(id);
        MessageShape shape = shapes.get(id);
        Path file =
            DIRECTORY
                .resolve(variant.toString().toLowerCase(Locale.ROOT))
                .resolve(shape.toString().toLowerCase(Locale.ROOT) + ".eml");
        Files.createDirectories(file.getParent());
        byte[] raw = LoopbackSmtp.raw(received);
        Files.write(file, withFinalCrlf(raw));
        result.add(new Case(shape, variant, raw, file));
      }
      StringBuilder keys = new StringBuilder();
      TestKeys.records().forEach((name, record) -> keys.append(name + " " + record + "\n"));
      Files.writeString(KEYS, keys, StandardCharsets.US_ASCII);
      if (result.size() != shapes.size()) {
        throw new IllegalStateException(
            "sent " + shapes.size() + " messages, received " + result.size());
      }
      return List.copyOf(result);
    }
  }

  static byte[] withFinalCrlf(byte[] raw) {
    int n = raw.length;
    if (n >= 2 && raw[n - 2] == '\r' && raw[n - 1] == '\n') {
      return raw;
    }
    byte[] out = java.util.Arrays.copyOf(raw, n + 2);
    out[n] = '\r';
    out[n + 1] = '\n';
    return out;
  }
}
