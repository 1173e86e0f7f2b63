package org.dkim4j.jakarta;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on 127.0.0.1 that advertises 8BITMIME (RFC 6152), which GreenMail does not,
 * so that Jakarta Mail's {@code mail.smtp.allow8bitmime} re-encoding can be exercised. It accepts
 * every message and keeps the DATA exactly as received, dot-unstuffed.
 */
final class EightBitMimeSmtpServer implements AutoCloseable {

  private final ServerSocket server;
  private final Thread thread;
  final List<byte[]> received = new CopyOnWriteArrayList<>();

  EightBitMimeSmtpServer() throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "8bitmime-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        socket.setSoTimeout(10_000);
        converse(socket.getInputStream(), socket.getOutputStream());
      } catch (IOException e) {
        // closed, or the client went away: wait for the next connection
      }
    }
  }

  private void converse(InputStream in, OutputStream out) throws IOException {
    reply(out, "220 localhost ESMTP");
    String line;
    while ((line = readLine(in)) != null) {
      String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
      switch (command) {
        case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
        case "DATA" -> {
          reply(out, "354 go ahead");
          received.add(readData(in));
          reply(out, "250 OK");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "250 OK");
      }
    }
  }

  private static byte[] readData(InputStream in) throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    String line;
    while ((line = readLine(in)) != null && !line.equals(".")) {
      byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
      int start = bytes.length > 0 && bytes[0] == '.' ? 1 : 0;
      data.write(bytes, start, bytes.length - start);
      data.write('\r');
      data.write('\n');
    }
    return data.toByteArray();
  }

  /** Reads a CRLF-terminated line, decoded byte for byte. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int n =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return null;
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
