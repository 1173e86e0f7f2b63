package org.dkim4j.interop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;

/**
 * The messages every signer signs: one per kind of content that canonicalization and line handling
 * can get wrong. All use CRLF line endings except {@link #BARE_LF}.
 */
enum Shape {
  /** 7bit text with trailing spaces, tabs, doubled spaces and trailing empty lines. */
  PLAIN("plain") {
    @Override
    byte[] bytes() {
      return crlf(
          headers("Lunch on Friday", "text/plain; charset=us-ascii", "7bit")
              + "\n"
              + "Hi Bob,\n"
              + "\n"
              + "Shall we meet at noon?   \n"
              + "Tabs\tand  doubled  spaces stay as they are.\t\n"
              + "\n"
              + "-- \n"
              + "Alice\n"
              + "\n"
              + "\n",
          StandardCharsets.US_ASCII);
    }
  },

  /** UTF-8 in the body (8bit) and raw UTF-8 in the Subject (RFC 6532). */
  UTF8_8BIT("utf-8 8bit") {
    @Override
    byte[] bytes() {
      return crlf(
          headers("Grüße aus Köln – 東京で会いましょう 🙂", "text/plain; charset=UTF-8", "8bit")
              + "\n"
              + "Grüße, Bob!\n"
              + "Ünïcödé in the body: naïve café, Ελληνικά, русский, 日本語, 😀.\n"
              + "Non-breaking\u00a0space and a trailing one:\u00a0\n",
          StandardCharsets.UTF_8);
    }
  },

  /** Japanese in ISO-2022-JP: escape sequences in the body and an RFC 2047 Subject. */
  ISO_2022_JP("iso-2022-jp") {
    @Override
    byte[] bytes() {
      Charset jis = Charset.forName("ISO-2022-JP");
      String subject =
          "=?ISO-2022-JP?B?" + Base64.getEncoder().encodeToString("会議の件".getBytes(jis)) + "?=";
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(
          crlf(
              headers(subject, "text/plain; charset=ISO-2022-JP", "7bit") + "\n",
              StandardCharsets.US_ASCII));
      out.writeBytes(crlf("ボブさん、\n\n明日の会議は十時からです。\nよろしくお願いします。\n", jis));
      return out.toByteArray();
    }
  },

  /** Quoted-printable UTF-8 with soft line breaks and encoded trailing space. */
  QUOTED_PRINTABLE("quoted-printable") {
    @Override
    byte[] bytes() {
      return crlf(
          headers("Quoted-printable", "text/plain; charset=UTF-8", "quoted-printable")
              + "\n"
              + "Gr=C3=BC=C3=9Fe aus K=C3=B6ln,=20\n"
              + "this line is long enough that the encoder broke it with a soft line brea=\n"
              + "k, and it goes on here; an equals sign is =3D and a tab at the end is=09\n"
              + "=E2=82=AC 42\n",
          StandardCharsets.US_ASCII);
    }
  },

  /** multipart/mixed: a text part and a base64 attachment of binary data. */
  BASE64_ATTACHMENT("base64 attachment") {
    @Override
    byte[] bytes() {
      byte[] data = new byte[2048];
      new Random(6376).nextBytes(data);
      String base64 = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data);
      return crlf(
          headers("The report", "multipart/mixed; boundary=\"mixed-b64\"", null)
              + "\n"
              + "--mixed-b64\n"
              + "Content-Type: text/plain; charset=us-ascii\n"
              + "\n"
              + "The report is attached.\n"
              + "\n"
              + "--mixed-b64\n"
              + "Content-Type: application/octet-stream; name=\"report.bin\"\n"
              + "Content-Transfer-Encoding: base64\n"
              + "Content-Disposition: attachment; filename=\"report.bin\"\n"
              + "\n"
              + base64
              + "\n"
              + "--mixed-b64--\n",
          StandardCharsets.US_ASCII);
    }
  },

  /** Nested multipart: alternative text and HTML inside mixed, with preamble and epilogue. */
  MULTIPART("multipart") {
    @Override
    byte[] bytes() {
      return crlf(
          headers("Newsletter", "multipart/mixed;\n boundary=\"outer\"", null)
              + "\n"
              + "This is a multi-part message in MIME format.\n"
              + "\n"
              + "--outer\n"
              + "Content-Type: multipart/alternative; boundary=\"inner\"\n"
              + "\n"
              + "--inner\n"
              + "Content-Type: text/plain; charset=UTF-8\n"
              + "Content-Transfer-Encoding: 8bit\n"
              + "\n"
              + "Plain text for the café.  \n"
              + "--inner\n"
              + "Content-Type: text/html; charset=UTF-8\n"
              + "Content-Transfer-Encoding: 8bit\n"
              + "\n"
              + "<html><body><p>HTML for the <b>café</b>.</p></body></html>\n"
              + "--inner--\n"
              + "\n"
              + "--outer\n"
              + "Content-Type: text/calendar; method=REQUEST; charset=us-ascii\n"
              + "\n"
              + "BEGIN:VCALENDAR\n"
              + "END:VCALENDAR\n"
              + "--outer--\n"
              + "An epilogue nobody reads.\n",
          StandardCharsets.UTF_8);
    }
  },

  /** The whole message with bare LF line endings, as mail often sits in files. */
  BARE_LF("bare LF") {
    @Override
    byte[] bytes() {
      return (headers("Line endings", "text/plain; charset=us-ascii", "7bit")
              + "\n"
              + "Every line of this message ends in a bare LF.  \n"
              + "Verifiers read it as CRLF.\n"
              + "\n"
              + "\n")
          .getBytes(StandardCharsets.US_ASCII);
    }
  },

  /**
   * Long headers folded over several lines, with tabs and doubled spaces, and a signed field (To)
   * whose value starts on a continuation line, as some clients fold a long address list.
   */
  LONG_FOLDED_HEADERS("long folded headers") {
    @Override
    byte[] bytes() {
      return crlf(
          "From: Alice Example <alice@example.com>\n"
              + "To: \n"
              + "\tBob Example <bob@example.org>, Carol Example <carol@example.org>,\n"
              + "\tDave Example <dave@example.org>, Erin Example <erin@example.org>\n"
              + "Subject: A subject long enough that the client folded it over\n"
              + " several lines, with  doubled  spaces and a\ttab\n"
              + "  in between\n"
              + "Date: Fri, 20 Nov 2026 09:30:00 +0000\n"
              + "Message-ID: <long-folded-headers.20261120093000@example.com>\n"
              + "References: <thread-1@example.com> <thread-2@example.com>\n"
              + "\t<thread-3@example.com>\n"
              + "\t<thread-4@example.com>\n"
              + "MIME-Version: 1.0\n"
              + "Content-Type: text/plain;\n"
              + "\tcharset=\"us-ascii\";\n"
              + "\tformat=flowed\n"
              + "Content-Transfer-Encoding: 7bit\n"
              + "\n"
              + "Folded headers, plain body.\n",
          StandardCharsets.US_ASCII);
    }
  };

  /** The name printed in the matrix. */
  final String label;

  Shape(String label) {
    this.label = label;
  }

  /** The message, exactly as signers get it. */
  abstract byte[] bytes();

  String headers(String subject, String contentType, String transferEncoding) {
    return "From: Alice Example <alice@example.com>\n"
        + "To: Bob Example <bob@example.org>\n"
        + "Subject: "
        + subject
        + "\n"
        + "Date: Fri, 20 Nov 2026 09:30:00 +0000\n"
        + "Message-ID: <"
        + name().toLowerCase(Locale.ROOT).replace('_', '-')
        + ".20261120093000@example.com>\n"
        + "MIME-Version: 1.0\n"
        + "Content-Type: "
        + contentType
        + "\n"
        + (transferEncoding == null ? "" : "Content-Transfer-Encoding: " + transferEncoding + "\n");
  }

  static byte[] crlf(String text, Charset charset) {
    return text.replace("\n", "\r\n").getBytes(charset);
  }
}
