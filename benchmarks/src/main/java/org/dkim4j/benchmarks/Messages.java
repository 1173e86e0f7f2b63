package org.dkim4j.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * The messages the benchmarks sign and verify: what a mail client sends, at a given size. Each has
 * the header of a message that crossed two hops (Received fields, folded fields), and a
 * multipart/mixed body with a format=flowed text part (so some lines end in a space, as Thunderbird
 * writes them) and a base64 attachment that takes up the rest of the size. The same size always
 * gives the same bytes.
 */
final class Messages {
  private Messages() {}

  private static final String BOUNDARY = "------------0AbCdEfGhIjKlMnOpQrStUvW";

  private static final String HEADER =
      "Return-Path: <alice@example.com>\r\n"
          + "Received: from mail.example.com (mail.example.com [192.0.2.10])\r\n"
          + "\tby mx.example.org (Postfix) with ESMTPS id 4Xyz1q2Lm7z9Rt\r\n"
          + "\tfor <bob@example.org>; Mon, 24 Nov 2025 09:15:02 +0000 (UTC)\r\n"
          + "Received: from [10.0.0.5] (unknown [198.51.100.23])\r\n"
          + "\t(Authenticated sender: alice@example.com)\r\n"
          + "\tby mail.example.com (Postfix) with ESMTPSA id 9F2C41A0B3\r\n"
          + "\tfor <bob@example.org>; Mon, 24 Nov 2025 09:15:01 +0000 (UTC)\r\n"
          + "Message-ID: <c0f1e2d3-4b5a-6789-abcd-ef0123456789@example.com>\r\n"
          + "Date: Mon, 24 Nov 2025 10:15:00 +0100\r\n"
          + "MIME-Version: 1.0\r\n"
          + "User-Agent: Mozilla Thunderbird\r\n"
          + "Content-Language: en-GB\r\n"
          + "From: Alice Example <alice@example.com>\r\n"
          + "To: Bob Receiver <bob@example.org>, Carol Third <carol@example.net>\r\n"
          + "Cc: Dave Fourth <dave@example.org>\r\n"
          + "Reply-To: Alice Example <alice@example.com>\r\n"
          + "Subject: The quarterly figures, and the report we discussed on Thursday\r\n"
          + "List-Unsubscribe: <mailto:unsubscribe@example.com?subject=unsubscribe>,\r\n"
          + " <https://example.com/unsubscribe/8f3a2b7c>\r\n"
          + "Content-Type: multipart/mixed;\r\n"
          + " boundary=\""
          + BOUNDARY
          + "\"\r\n"
          + "\r\n";

  private static final String[] WORDS = {
    "the",
    "figures",
    "for",
    "this",
    "quarter",
    "are",
    "in",
    "attached",
    "report",
    "and",
    "we",
    "should",
    "discuss",
    "them",
    "before",
    "meeting",
    "on",
    "Thursday",
    "revenue",
    "grew",
    "by",
    "a",
    "few",
    "percent",
    "while",
    "costs",
    "stayed",
    "flat",
    "please",
    "check",
    "numbers",
    "section",
    "three",
    "table",
    "with",
    "regional",
    "breakdown",
    "let",
    "me",
    "know",
    "if",
    "anything",
    "is",
    "unclear",
    "or",
    "missing",
    "thanks",
    "again",
    "your",
    "help",
    "budget",
    "planning",
    "next",
    "year",
    "will",
    "follow",
    "shortly",
    "after",
    "board",
    "approves",
    "it"
  };

  /**
   * Returns a message of {@code size} bytes (give or take a line): about a third of the body is
   * text, up to 32 KB, and the rest a base64 attachment.
   */
  static byte[] of(int size) {
    Random random = new Random(size);
    StringBuilder message = new StringBuilder(size + 200);
    message.append(HEADER);
    message.append("This is a multi-part message in MIME format.\r\n");
    message.append("--").append(BOUNDARY).append("\r\n");
    message.append("Content-Type: text/plain; charset=UTF-8; format=flowed\r\n");
    message.append("Content-Transfer-Encoding: 7bit\r\n\r\n");
    int textSize = Math.min(32 * 1024, (size - HEADER.length()) / 3);
    appendText(message, random, message.length() + textSize);
    message.append("\r\n-- \r\nAlice Example\r\nHead of Finance, Example Ltd\r\n\r\n");
    message.append("--").append(BOUNDARY).append("\r\n");
    message.append("Content-Type: application/pdf; name=\"report.pdf\"\r\n");
    message.append("Content-Disposition: attachment; filename=\"report.pdf\"\r\n");
    message.append("Content-Transfer-Encoding: base64\r\n\r\n");
    String closing = "\r\n--" + BOUNDARY + "--\r\n";
    int attachmentChars = Math.max(76, size - message.length() - closing.length());
    byte[] binary = new byte[attachmentChars / 78 * 57 + 57];
    random.nextBytes(binary);
    String base64 = Base64.getMimeEncoder().encodeToString(binary);
    message.append(base64, 0, Math.min(base64.length(), attachmentChars));
    message.append(closing);
    return message.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Returns about {@code size} bytes of format=flowed text, as in the text part of {@link #of}. */
  static byte[] flowedText(int size) {
    StringBuilder text = new StringBuilder(size + 200);
    appendText(text, new Random(size), size);
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Returns {@link #flowedText} without the space at the end of each line. */
  static byte[] plainText(int size) {
    return new String(flowedText(size), StandardCharsets.US_ASCII)
        .replace(" \r\n", "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Returns about {@code size} bytes of base64 in lines of 76, as in the attachment of {@link #of}.
   */
  static byte[] base64(int size) {
    byte[] binary = new byte[size / 78 * 57 + 57];
    new Random(size).nextBytes(binary);
    return (Base64.getMimeEncoder().encodeToString(binary) + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Paragraphs of flowed lines of at most 72 characters, each soft break a trailing space. */
  private static void appendText(StringBuilder out, Random random, int end) {
    while (out.length() < end) {
      int sentences = 2 + random.nextInt(4);
      StringBuilder line = new StringBuilder();
      for (int s = 0; s < sentences; s++) {
        int words = 6 + random.nextInt(12);
        for (int w = 0; w < words; w++) {
          String word = WORDS[random.nextInt(WORDS.length)];
          if (w == 0) {
            word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
          }
          if (w == words - 1) {
            word = word + ".";
          }
          if (line.length() + word.length() + 1 > 72) {
            out.append(line).append(" \r\n"); // format=flowed: a soft line break
            line.setLength(0);
          } else if (line.length() > 0) {
            line.append(' ');
          }
          line.append(word);
        }
      }
      out.append(line).append("\r\n\r\n");
    }
  }
}
