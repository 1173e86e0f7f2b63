package org.dkim4j.jakarta;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.util.Random;

/**
 * The kinds of message that have broken Java DKIM signers: each one fills an empty message with
 * From, To, Subject and content of its kind.
 */
enum MessageShape {
  PLAIN_7BIT {
    @Override
    void fill(MimeMessage m) throws MessagingException {
      m.setText("Hello Bob,\r\n\r\nShall we meet at noon?\r\n\r\nAlice\r\n", "US-ASCII");
    }
  },
  UTF8_8BIT {
    @Override
    void fill(MimeMessage m) throws MessagingException {
      m.setSubject("Grüße", "UTF-8");
      m.setText("Grüße aus Köln — naïve café, 日本語, ☕\r\nZweite Zeile: äöüß\r\n", "UTF-8");
      m.setHeader("Content-Transfer-Encoding", "8bit");
    }
  },
  ISO_2022_JP {
    @Override
    void fill(MimeMessage m) throws MessagingException {
      m.setSubject("会議の件", "ISO-2022-JP");
      m.setText("山田様\r\n\r\n明日の会議は十時からです。\r\nよろしくお願いします。\r\n", "ISO-2022-JP");
      m.setHeader("Content-Transfer-Encoding", "7bit");
    }
  },
  LATIN1_8BIT {
    @Override
    void fill(MimeMessage m) throws MessagingException {
      m.setText("Ça coûte 5 €? Non: 5 £, señor. Smørrebrød.\r\n", "ISO-8859-15");
      m.setHeader("Content-Transfer-Encoding", "8bit");
    }
  },
  QUOTED_PRINTABLE {
    @Override
    void fill(MimeMessage m) throws MessagingException {
      m.setText(
          "Trailing spaces   \r\n"
              + "A long line that quoted-printable must break into pieces with soft line breaks: "
              + "=".repeat(30)
              + " é ".repeat(40)
              + "\r\n.a line starting with a dot\r\n.\r\n",
          "UTF-8");
      m.setHeader("Content-Transfer-Encoding", "quoted-printable");
    }
  },
  BASE64_ATTACHMENT {
    @Override
    void fill(MimeMessage m) throws MessagingException {
      MimeMultipart mixed = new MimeMultipart();
      MimeBodyPart text = new MimeBodyPart();
      text.setText("The report is attached.\r\n", "UTF-8");
      mixed.addBodyPart(text);
      mixed.addBodyPart(attachment("report.bin", 20_000));
      m.setContent(mixed);
    }
  },
  ALTERNATIVE_AND_ATTACHMENT {
    @Override
    void fill(MimeMessage m) throws MessagingException {
      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart plain = new MimeBodyPart();
      plain.setText("Hello *Bob*,\r\nsee the picture.\r\n", "UTF-8");
      MimeBodyPart html = new MimeBodyPart();
      html.setContent(
          "<p>Hello <b>Bob</b>,<br>see the picture. Grüße</p>\r\n", "text/html; charset=UTF-8");
      alternative.addBodyPart(plain);
      alternative.addBodyPart(html);
      MimeBodyPart body = new MimeBodyPart();
      body.setContent(alternative);
      MimeMultipart mixed = new MimeMultipart("mixed");
      mixed.addBodyPart(body);
      mixed.addBodyPart(attachment("picture.png", 5_000));
      m.setContent(mixed);
    }
  },
  BARE_LF {
    @Override
    void fill(MimeMessage m) throws MessagingException {
      // Content with bare LF and a bare CR goes out as written; SMTP turns both into CRLF.
      m.setText("line one\nline two  \n\n.line three after a dot\nbare\rcr\n", "US-ASCII");
      m.setHeader("Content-Transfer-Encoding", "7bit");
    }
  },
  NON_ASCII_HEADERS {
    @Override
    void fill(MimeMessage m) throws MessagingException {
      try {
        m.setFrom(new InternetAddress("alice@example.com", "Jörg Müller-Lüdenscheidt", "UTF-8"));
      } catch (UnsupportedEncodingException e) {
        throw new IllegalStateException(e);
      }
      m.setSubject(
          "Grüße aus Köln — ☕ und ein sehr langer Betreff, der gefaltet werden muss", "UTF-8");
      m.setText("Encoded words in From and Subject (RFC 2047).\r\n", "UTF-8");
    }
  },
  RAW_UTF8_HEADERS {
    @Override
    boolean utf8Headers() {
      return true;
    }

    @Override
    void fill(MimeMessage m) throws MessagingException {
      m.setHeader("From", "Jörg Müller <alice@example.com>");
      m.setHeader("Subject", "Grüße aus Köln ☕ (raw UTF-8, RFC 6532)");
      m.setText("Raw UTF-8 in the header section.\r\n", "UTF-8");
      m.setHeader("Content-Transfer-Encoding", "8bit");
    }
  },
  BCC {
    @Override
    void fill(MimeMessage m) throws MessagingException {
      m.setRecipients(Message.RecipientType.BCC, "carol@example.net");
      m.setText("Carol gets a blind copy.\r\n", "US-ASCII");
    }
  },
  LINE_998 {
    @Override
    void fill(MimeMessage m) throws MessagingException {
      StringBuilder line = new StringBuilder();
      while (line.length() < 998) {
        line.append("word").append(line.length() % 7 == 0 ? ' ' : 'x');
      }
      line.setLength(998);
      m.setText(
          "A line of 998 characters, the limit of RFC 5322 2.1.1:\r\n" + line + "\r\n", "US-ASCII");
    }
  };

  /** True when the session must set {@code mail.mime.allowutf8}. */
  boolean utf8Headers() {
    return false;
  }

  /** Sets From (if the shape has its own), Subject and content. */
  abstract void fill(MimeMessage m) throws MessagingException;

  /** Returns a new message of this shape from alice@example.com to bob@example.org. */
  MimeMessage create(MimeMessage empty) throws MessagingException {
    empty.setFrom("Alice <alice@example.com>");
    empty.setRecipients(Message.RecipientType.TO, "Bob <bob@example.org>");
    empty.setSubject(name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    fill(empty);
    return empty;
  }

  static MimeBodyPart attachment(String name, int size) throws MessagingException {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(
        new DataHandler(new ByteArrayDataSource(bytes, "application/octet-stream")));
    part.setFileName(name);
    return part;
  }
}
