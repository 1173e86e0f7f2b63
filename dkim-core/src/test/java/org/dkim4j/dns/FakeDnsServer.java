package org.dkim4j.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/**
 * A scripted DNS server on 127.0.0.1 for resolver tests: UDP and TCP on one port, each query
 * answered by a function (or not at all when it returns {@code null}). It counts queries per
 * transport, and can truncate UDP answers to force the TCP fallback.
 */
final class FakeDnsServer implements AutoCloseable {

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Function<Message, Message> handler;
  private final boolean truncateUdp;
  private final AtomicInteger udpQueries = new AtomicInteger();
  private final AtomicInteger tcpQueries = new AtomicInteger();
  private final Thread udpThread;
  private final Thread tcpThread;

  private FakeDnsServer(Function<Message, Message> handler, boolean truncateUdp)
      throws IOException {
    this.handler = handler;
    this.truncateUdp = truncateUdp;
    InetAddress loopback = InetAddress.getLoopbackAddress();
    DatagramSocket u = null;
    ServerSocket t = null;
    for (int i = 0; i < 20 && t == null; i++) {
      u = new DatagramSocket(new InetSocketAddress(loopback, 0));
      try {
        t = new ServerSocket();
        t.bind(new InetSocketAddress(loopback, u.getLocalPort()));
      } catch (IOException e) {
        t.close();
        t = null;
        u.close();
      }
    }
    if (t == null) {
      throw new IOException("no free port on 127.0.0.1");
    }
    this.udp = u;
    this.tcp = t;
    udpThread = new Thread(this::serveUdp, "fake-dns-udp");
    tcpThread = new Thread(this::serveTcp, "fake-dns-tcp");
    udpThread.setDaemon(true);
    tcpThread.setDaemon(true);
    udpThread.start();
    tcpThread.start();
  }

  /** Starts a server answering with {@code handler}. */
  static FakeDnsServer start(Function<Message, Message> handler) throws IOException {
    return new FakeDnsServer(handler, false);
  }

  /** Starts a server whose UDP answers are empty and carry the TC bit; TCP answers are full. */
  static FakeDnsServer startTruncating(Function<Message, Message> handler) throws IOException {
    return new FakeDnsServer(handler, true);
  }

  int port() {
    return udp.getLocalPort();
  }

  int udpQueries() {
    return udpQueries.get();
  }

  int tcpQueries() {
    return tcpQueries.get();
  }

  private void serveUdp() {
    byte[] buffer = new byte[65535];
    while (!udp.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
        udpQueries.incrementAndGet();
        Message query = new Message(java.util.Arrays.copyOf(buffer, packet.getLength()));
        Message response = handler.apply(query);
        if (response == null) {
          continue;
        }
        if (truncateUdp) {
          Message truncated = new Message(query.getHeader().getID());
          truncated.getHeader().setFlag(Flags.QR);
          truncated.getHeader().setFlag(Flags.TC);
          truncated.addRecord(query.getQuestion(), Section.QUESTION);
          response = truncated;
        }
        byte[] out = response.toWire();
        udp.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        // a malformed query: ignore it
      }
    }
  }

  private void serveTcp() {
    while (!tcp.isClosed()) {
      try (Socket socket = tcp.accept()) {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] wire = new byte[in.readUnsignedShort()];
        in.readFully(wire);
        tcpQueries.incrementAndGet();
        Message response = handler.apply(new Message(wire));
        if (response == null) {
          continue;
        }
        byte[] out = response.toWire();
        DataOutputStream data = new DataOutputStream(socket.getOutputStream());
        data.writeShort(out.length);
        data.write(out);
        data.flush();
      } catch (SocketException closed) {
        if (tcp.isClosed()) {
          return;
        }
      } catch (IOException e) {
        // a client that went away: carry on
      }
    }
  }

  @Override
  public void close() throws IOException {
    udp.close();
    tcp.close();
    try {
      udpThread.join(2000);
      tcpThread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
