package org.dkim4j.jakarta;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** One received message. */
  record Case(MessageShape shape, Variant variant, byte[] raw, Path file) {
    String name() {
      return variant.label() + " / " + shape;
    }
  }

  private static List<Case> cases;

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
        Files.write(file, raw);
        result.add(new Case(shape, variant, raw, file));
      }
      if (result.size() != shapes.size()) {
        throw new IllegalStateException(
            "sent " + shapes.size() + " messages, received " + result.size());
      }
      return List.copyOf(result);
    }
  }
}
