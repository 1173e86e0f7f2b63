package org.dkim4j.interop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A copy of a signed message: the original, or one changed so that every verifier must reject it.
 */
enum Tamper {
  NONE("original") {
    @Override
    byte[] apply(byte[] signed) {
      return signed;
    }
  },

  /** One letter or digit of the body changed: the body hash no longer matches. */
  BODY_BYTE("body byte") {
    @Override
    byte[] apply(byte[] signed) {
      return changeFirstAlphanumeric(signed, bodyStart(signed));
    }
  },

  /** One letter of the Subject changed; the signature must cover Subject. */
  SIGNED_HEADER("signed header") {
    @Override
    byte[] apply(byte[] signed) {
      if (!signedFields(signed).contains("subject")) {
        throw new IllegalStateException("the signature does not cover Subject");
      }
      int subject = fieldStart(signed, "subject");
      return changeFirstAlphanumeric(signed, subject + "Subject:".length());
    }
  },

  /** A second From field added above everything: the From a reader would see. */
  FROM_ON_TOP("From on top") {
    @Override
    byte[] apply(byte[] signed) {
      String eol = lineEnding(signed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(
          ("From: Mallory <mallory@example.com>" + eol).getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(signed);
      return out.toByteArray();
    }
  };

  /** The name printed in the matrix. */
  final String label;

  Tamper(String label) {
    this.label = label;
  }

  abstract byte[] apply(byte[] signed);

  static String lineEnding(byte[] message) {
    for (int i = 0; i < message.length; i++) {
      if (message[i] == '\n') {
        return i > 0 && message[i - 1] == '\r' ? "\r\n" : "\n";
      }
    }
    return "\r\n";
  }

  /** The index of the first byte of the body (after the empty line). */
  static int bodyStart(byte[] message) {
    for (int i = 0; i + 1 < message.length; i++) {
      if (message[i] == '\n' && message[i + 1] == '\n') {
        return i + 2;
      }
      if (message[i] == '\n'
          && message[i + 1] == '\r'
          && i + 2 < message.length
          && message[i + 2] == '\n') {
        return i + 3;
      }
    }
    throw new IllegalArgumentException("message without a body");
  }

  /** The index of the first header field with this name (lower case). */
  static int fieldStart(byte[] message, String name) {
    int end = bodyStart(message);
    for (int line = 0; line < end; ) {
      String start =
          new String(
              message, line, Math.min(name.length() + 1, end - line), StandardCharsets.ISO_8859_1);
      if (start.toLowerCase(Locale.ROOT).equals(name + ":")) {
        return line;
      }
      while (line < end && message[line] != '\n') {
        line++;
      }
      line++;
    }
    throw new IllegalArgumentException("no " + name + " field");
  }

  /** The header field value of the first DKIM-Signature, unfolded. */
  static String signatureField(byte[] message) {
    int start = fieldStart(message, "dkim-signature");
    int end = start;
    while (end < message.length) {
      if (message[end] == '\n'
          && (end + 1 >= message.length || (message[end + 1] != ' ' && message[end + 1] != '\t'))) {
        break;
      }
      end++;
    }
    return new String(message, start, end - start, StandardCharsets.ISO_8859_1)
        .replaceAll("\r?\n", "");
  }

  /** A tag's value in the first DKIM-Signature, without whitespace, or null. */
  static String signatureTag(byte[] message, String tag) {
    String field = signatureField(message);
    String value = field.substring(field.indexOf(':') + 1);
    for (String part : value.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).strip().equals(tag)) {
        return part.substring(eq + 1).replaceAll("[ \t]", "");
      }
    }
    return null;
  }

  /** The names in h= of the first DKIM-Signature, lower case. */
  static List<String> signedFields(byte[] message) {
    String h = signatureTag(message, "h");
    return h == null ? List.of() : Arrays.asList(h.toLowerCase(Locale.ROOT).split(":"));
  }

  private static byte[] changeFirstAlphanumeric(byte[] message, int from) {
    byte[] copy = message.clone();
    for (int i = from; i < copy.length; i++) {
      byte b = copy[i];
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) {
        copy[i] = (byte) (b == 'x' ? 'y' : 'x');
        return copy;
      }
    }
    throw new IllegalArgumentException("nothing to change after byte " + from);
  }
}
