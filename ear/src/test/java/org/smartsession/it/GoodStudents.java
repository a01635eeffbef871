package org.smartsession.it;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Well-behaved students beside a test's hostile clients: each sends a real one-face frame twice a
 * second, at spread phases, and waits for the FEEDBACK that names it ({@code frameTimestamp}), so
 * that every frame's latency is exact. Frames are counted by the phase the test is in.
 */
final class GoodStudents implements AutoCloseable {
  private static final Duration PERIOD = Duration.ofMillis(500);
  private static final Duration WAIT = Duration.ofSeconds(3);

  /** One frame: the phase it was sent in, and its latency in ms (-1 unanswered, -2 refused). */
  private record Frame(String phase, long latencyMs) {}

  /** A phase's frames: how many, unanswered, refused, and latency percentiles in ms. */
  record Figures(int frames, int unanswered, int errors, long p50, long p99, long max) {
    @Override
    public String toString() {
      return frames
          + " frames, "
          + unanswered
          + " unanswered, "
          + errors
          + " refused, p50 "
          + p50
          + " ms, p99 "
          + p99
          + " ms, max "
          + max
          + " ms";
    }
  }

  private final ConcurrentLinkedQueue<Frame> frames = new ConcurrentLinkedQueue<>();
  private final List<WsClient> sockets = new ArrayList<>();
  private volatile String phase = "warm-up";
  private volatile boolean running = true;

  private GoodStudents() {}

  static GoodStudents start(Server server, String sessionId, int count, ExecutorService pool)
      throws Exception {
    GoodStudents good = new GoodStudents();
    String face = Frames.dataUrl(Frames.oneFace());
    for (int i = 0; i < count; i++) {
      String studentId = "G" + i;
      URI uri = server.join(sessionId, studentId, "Good " + i);
      WsClient socket = WsClient.connect(uri);
      good.sockets.add(socket);
      long offset = PERIOD.toMillis() * i / count;
      pool.submit(() -> good.send(socket, sessionId, studentId, face, offset));
    }
    return good;
  }

  /** Frames sent from now on count in {@code name}. */
  void phase(String name) {
    phase = name;
  }

  private Void send(WsClient socket, String sessionId, String studentId, String face, long offset)
      throws InterruptedException {
    long next = System.currentTimeMillis() + offset;
    while (running) {
      long wait = next - System.currentTimeMillis();
      if (wait > 0) {
        TimeUnit.MILLISECONDS.sleep(wait);
      }
      next += PERIOD.toMillis();
      String sentIn = phase;
      long sent = System.currentTimeMillis();
      socket.send(Frames.videoFrame(sessionId, studentId, sent, face));
      long latency;
      try {
        JsonObject answer =
            socket.next(
                m ->
                    "ERROR".equals(m.getString("type", null))
                        || ("FEEDBACK".equals(m.getString("type", null))
                            && m.getJsonNumber("frameTimestamp").longValue() == sent),
                WAIT,
                "FEEDBACK");
        latency = "ERROR".equals(answer.getString("type")) ? -2 : System.currentTimeMillis() - sent;
      } catch (AssertionError none) {
        latency = -1;
      }
      if (running) {
        frames.add(new Frame(sentIn, latency));
      }
      // A frame answered late does not make the next ones bunch up: skip the slots it took.
      while (next < System.currentTimeMillis()) {
        next += PERIOD.toMillis();
      }
    }
    return null;
  }

  Figures figures(String name) {
    List<Frame> of = frames.stream().filter(f -> f.phase().equals(name)).toList();
    long[] latencies =
        of.stream().mapToLong(Frame::latencyMs).filter(l -> l >= 0).sorted().toArray();
    int unanswered = (int) of.stream().filter(f -> f.latencyMs() == -1).count();
    int errors = (int) of.stream().filter(f -> f.latencyMs() == -2).count();
    return new Figures(
        of.size(),
        unanswered,
        errors,
        percentile(latencies, 0.50),
        percentile(latencies, 0.99),
        latencies.length == 0 ? -1 : latencies[latencies.length - 1]);
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? -1 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)];
  }

  @Override
  public void close() {
    running = false;
    sockets.forEach(WsClient::close);
  }
}
