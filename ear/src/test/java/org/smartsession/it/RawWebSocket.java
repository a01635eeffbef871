package org.smartsession.it;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client on a bare socket, for what the JDK's client never sends: a message of several
 * megabytes as one unfragmented frame, as a hostile client may; frames that break the protocol; a
 * peer that stops reading. It reads what the server sends on a thread of its own, so that a close
 * arriving while it still writes is seen, and answers pings.
 */
final class RawWebSocket implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final Thread reader = new Thread(this::read, "raw-websocket-reader");

  RawWebSocket(URI uri) throws IOException {
    this(uri, null);
  }

  /** With the cookies of a signed-in teacher. */
  RawWebSocket(URI uri, String cookie) throws IOException {
    this(uri, cookie, 0);
    startReading();
  }

  /**
   * A peer that reads nothing after the handshake until {@link #startReading}, with a receive
   * buffer of {@code receiveBuffer} bytes, so that what the server sends backs up in TCP at once.
   */
  static RawWebSocket notReading(URI uri, String cookie, int receiveBuffer) throws IOException {
    return new RawWebSocket(uri, cookie, receiveBuffer);
  }

  private RawWebSocket(URI uri, String cookie, int receiveBuffer) throws IOException {
    socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer); // before connecting: it sets the TCP window
    }
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 30_000);
    socket.setSoTimeout(60_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\n"
            + "Host: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + (cookie == null || cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n")
            + "\r\n";
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    String status = readHead();
    if (!status.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("handshake answered " + status);
    }
    reader.setDaemon(true);
  }

  /** Starts reading what the server sends (at once, unless made with {@link #notReading}). */
  void startReading() {
    reader.start();
  }

  private String readHead() throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed during the handshake: " + head);
      }
      head.append((char) c);
    }
    return head.substring(0, head.indexOf("\r\n"));
  }

  /** Sends {@code text} as one text frame (FIN set), masked as a client must. */
  void sendOneFrame(String text) {
    sendFrame(0x81, true, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends one frame as given: {@code first} is its first byte (FIN, the reserved bits and the
   * opcode), {@code masked} whether the payload is masked, as a client must; for frames that break
   * the protocol on purpose.
   */
  synchronized void sendFrame(int first, boolean masked, byte[] data) {
    byte[] payload = data.clone();
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    if (masked) {
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i & 3];
      }
    }
    // The shortest length encoding, as RFC 6455 asks: 7 bits, 16 or 64.
    int lengthBytes = payload.length < 126 ? 0 : payload.length < 65_536 ? 2 : 8;
    int maskBytes = masked ? 4 : 0;
    byte[] header = new byte[2 + lengthBytes + maskBytes];
    header[0] = (byte) first;
    header[1] =
        (byte)
            ((masked ? 0x80 : 0)
                | (lengthBytes == 0 ? payload.length : lengthBytes == 2 ? 126 : 127));
    long length = payload.length;
    for (int i = 0; i < lengthBytes; i++) {
      header[2 + i] = (byte) (length >>> (8 * (lengthBytes - 1 - i)));
    }
    System.arraycopy(mask, 0, header, 2 + lengthBytes, maskBytes);
    try {
      out.write(header);
      out.write(payload);
      out.flush();
    } catch (IOException e) {
      // The server may close the connection before it has read everything.
    }
  }

  /** Sends bytes as they are, for a frame header that lies about its length. */
  synchronized void sendBytes(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      // as above
    }
  }

  private void read() {
    try {
      while (true) {
        int first = in.read();
        int second = in.read();
        if (first < 0 || second < 0) {
          closeCode.complete(-1);
          return;
        }
        long length = second & 0x7f;
        if (length == 126) {
          length = (in.read() << 8) | in.read();
        } else if (length == 127) {
          length = 0;
          for (int i = 0; i < 8; i++) {
            length = (length << 8) | in.read();
          }
        }
        byte[] data = in.readNBytes((int) length);
        switch (first & 0x0f) {
          case 0x1 -> texts.add(new String(data, StandardCharsets.UTF_8));
          case 0x8 -> {
            closeCode.complete(
                data.length >= 2 ? ((data[0] & 0xff) << 8) | (data[1] & 0xff) : 1005);
            return;
          }
          case 0x9 -> sendFrame(0x8A, true, data); // a pong for each ping, as a live client
          default -> {} // pongs
        }
      }
    } catch (IOException e) {
      closeCode.complete(-1);
    }
  }

  /** The next text message, or null if none came within the timeout. */
  String nextText(Duration timeout) throws InterruptedException {
    return texts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The close code the server sent; -1 if the connection ended without one. */
  int awaitCloseCode(Duration timeout) throws Exception {
    return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isClosed() {
    return closeCode.isDone();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
