package org.smartsession.it;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's) that records what it receives. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
  /** A received text message and when it arrived. */
  record Received(JsonObject json, long at) {}

  /** How the server closed the connection. */
  record Closed(int code, String reason) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  private WsClient(URI uri, String cookie) {
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
    if (cookie != null && !cookie.isEmpty()) {
      builder.header("Cookie", cookie);
    }
    this.socket = builder.buildAsync(uri, this).join();
  }

  static WsClient connect(URI uri) {
    return new WsClient(uri, null);
  }

  /** With the cookies of a signed-in teacher. */
  static WsClient connect(URI uri, String cookie) {
    return new WsClient(uri, cookie);
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  /** Sends a message the server may close the connection over before it is fully read. */
  void sendExpectingClose(String text) {
    socket.sendText(text, true).exceptionally(e -> null);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      received.add(new Received(Server.json(partial.toString()), System.currentTimeMillis()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Closed(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  /** The next message of the given type, skipping others; fails after the timeout. */
  /** A CRITICAL_ALERT of that alert type. */
  static Predicate<JsonObject> criticalAlert(String alertType) {
    return m ->
        "CRITICAL_ALERT".equals(m.getString("type", null))
            && alertType.equals(m.getString("alertType", null));
  }

  JsonObject next(String type, Duration timeout) throws InterruptedException {
    return next(m -> type.equals(m.getString("type", null)), timeout, type);
  }

  JsonObject next(Predicate<JsonObject> wanted, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> skipped = new ArrayList<>();
    while (true) {
      long left = deadline - System.nanoTime();
      Received r = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
      if (r == null) {
        throw new AssertionError(
            "no "
                + what
                + " within "
                + timeout
                + (closed.isDone() ? " (the connection ended)" : "")
                + "; skipped: "
                + skipped);
      }
      if (wanted.test(r.json())) {
        return r.json();
      }
      String text = r.json().toString();
      skipped.add(text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }
  }

  /** Everything of the given type received during the next {@code period}. */
  List<Received> collect(String type, Duration period) throws InterruptedException {
    List<Received> all = new ArrayList<>();
    long deadline = System.nanoTime() + period.toNanos();
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      Received r = received.poll(left, TimeUnit.NANOSECONDS);
      if (r != null && type.equals(r.json().getString("type", null))) {
        all.add(r);
      }
    }
    return all;
  }

  int awaitCloseCode(Duration timeout) throws Exception {
    return awaitClose(timeout).code();
  }

  Closed awaitClose(Duration timeout) throws Exception {
    return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }
    socket.abort();
  }
}
