package org.smartsession.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One student's socket: sends a frame when told, and measures frame → FEEDBACK by the frame's
 * timestamp, which FEEDBACK repeats. Like the student page it follows the server's {@code RATE}
 * (unless told not to): a frame due sooner than the asked rate allows is held back and counted.
 * Reads only the fields it needs, without a JSON parser, to keep the generator's own CPU small.
 */
final class SimulatedStudent implements WebSocket.Listener {
  final String studentId;
  private final String sessionId;
  private final Latencies feedback;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong heldBack = new AtomicLong();
  private final AtomicLong rates = new AtomicLong();
  private final boolean obeyRate;

  /** The frames a second the server last asked for; 0 while it asks for no fewer. */
  private volatile double askedFps;

  private long lastSentNanos = Long.MIN_VALUE;
  private final ConcurrentHashMap<Long, Long> sentAt = new ConcurrentHashMap<>();
  private final StringBuilder partial = new StringBuilder();

  /** How the server closed this socket ("1008 reason"), or null while it is open. */
  volatile String closedBy;

  private volatile boolean closing;
  private volatile boolean measuring;
  private long lastTimestamp;
  private WebSocket socket;
  private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

  /** Two-face frames: timestamp → when sent (nanoTime); an alert names the frame that raised it. */
  final ConcurrentHashMap<Long, Long> twoFacesSentAt = new ConcurrentHashMap<>();

  SimulatedStudent(String sessionId, String studentId, Latencies feedback, boolean obeyRate) {
    this.sessionId = sessionId;
    this.studentId = studentId;
    this.feedback = feedback;
    this.obeyRate = obeyRate;
  }

  void connect(HttpClient http, URI uri) {
    socket = http.newWebSocketBuilder().buildAsync(uri, this).join();
  }

  void measure(boolean on) {
    measuring = on;
  }

  /**
   * Sends one frame, unless the previous one is still being written (a slow link would then skip
   * it, as the page does). Returns whether it went out.
   */
  synchronized boolean send(String dataUrl, boolean twoFaces) {
    long now = System.nanoTime();
    double asked = askedFps;
    // A tenth of the asked period's slack, so that a tick a little early is not held back.
    if (obeyRate
        && asked > 0
        && lastSentNanos != Long.MIN_VALUE
        && now - lastSentNanos < 0.9e9 / asked) {
      if (measuring) {
        heldBack.incrementAndGet();
      }
      return false;
    }
    if (!sending.isDone()) {
      skipped.incrementAndGet();
      return false;
    }
    long timestamp = Math.max(System.currentTimeMillis(), lastTimestamp + 1);
    lastTimestamp = timestamp;
    String message =
        "{\"type\":\"VIDEO_FRAME\",\"studentId\":\""
            + studentId
            + "\",\"sessionId\":\""
            + sessionId
            + "\",\"timestamp\":"
            + timestamp
            + ",\"frame\":\""
            + dataUrl
            + "\",\"metadata\":{\"fps\":2,\"resolution\":\"640x480\"}}";
    lastSentNanos = now;
    if (measuring) {
      sentAt.put(timestamp, now);
      sent.incrementAndGet();
    }
    if (twoFaces) {
      twoFacesSentAt.put(timestamp, now);
    }
    sending = socket.sendText(message, true);
    // Frames never answered (dropped by the server) are forgotten after a while.
    sentAt.keySet().removeIf(t -> t < timestamp - 30_000);
    return true;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      if (text.startsWith("{\"type\":\"RATE\"")) {
        rates.incrementAndGet();
        askedFps = Math.max(0, doubleField(text, "fps"));
      } else if (text.contains("\"type\":\"FEEDBACK\"")) {
        Long at = sentAt.remove(longField(text, "frameTimestamp"));
        if (at != null) {
          answered.incrementAndGet();
          feedback.add((System.nanoTime() - at) / 1e6);
        }
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    if (!closing) {
      closedBy = statusCode + " " + reason;
    }
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    if (!closing) {
      closedBy = "error " + error;
    }
  }

  static long longField(String json, String name) {
    String digits = numberText(json, name, "0123456789");
    return digits.isEmpty() ? -1 : Long.parseLong(digits);
  }

  /** A number field's value, or -1 when there is none. */
  static double doubleField(String json, String name) {
    String number = numberText(json, name, "0123456789.eE-");
    return number.isEmpty() ? -1 : Double.parseDouble(number);
  }

  /**
   * The characters of a field's value right after its name, as far as they are of {@code chars}.
   */
  private static String numberText(String json, String name, String chars) {
    int i = json.indexOf("\"" + name + "\":");
    if (i < 0) {
      return "";
    }
    int start = i + name.length() + 3;
    int end = start;
    while (end < json.length() && chars.indexOf(json.charAt(end)) >= 0) {
      end++;
    }
    return json.substring(start, end);
  }

  long sent() {
    return sent.get();
  }

  long answered() {
    return answered.get();
  }

  long skipped() {
    return skipped.get();
  }

  /** Frames not sent because the server asked for fewer (RATE), while measuring. */
  long heldBack() {
    return heldBack.get();
  }

  /** RATE messages received. */
  long rates() {
    return rates.get();
  }

  void close() {
    closing = true;
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "load done").exceptionally(e -> null);
  }
}
