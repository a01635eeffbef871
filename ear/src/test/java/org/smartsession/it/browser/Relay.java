package org.smartsession.it.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on loopback in front of the server, standing for the network between a student and
 * the server: a page loaded through it makes its WebSocket through it too. {@link #cut()} drops
 * every connection and refuses new ones, as a network outage does; {@link #restore()} lets
 * connections through again.
 */
final class Relay implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  Relay(int serverPort) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    this.server = new InetSocketAddress(loopback, serverPort);
    this.listener = new ServerSocket(0, 50, loopback);
    Thread acceptor = new Thread(this::accept, "relay-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Drops every relayed connection at once and refuses new ones until {@link #restore()}. */
  void cut() {
    cut = true;
    for (Socket socket : open) {
      quietlyClose(socket);
    }
  }

  void restore() {
    cut = false;
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (cut) {
        quietlyClose(client);
        continue;
      }
      try {
        Socket upstream = new Socket();
        upstream.connect(server, 5000);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        quietlyClose(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side went away: close both below
              } finally {
                quietlyClose(from);
                quietlyClose(to);
              }
            },
            "relay-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private void quietlyClose(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    cut();
    try {
      listener.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
