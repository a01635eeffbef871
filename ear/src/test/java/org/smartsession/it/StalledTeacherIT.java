package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A teacher whose socket stops reading, on the real server, and who floods tens of thousands of
 * unreadable messages meanwhile: the other teacher's session updates and the student's feedback
 * keep their pace, and the flood earns the stalled peer at most one allowance of ERRORs and one
 * RATE_LIMITED, not an answer each, or a close if it lasts 10 s. (On Payara Micro every send to a
 * peer that does not read completes all the same, the transport holding what TCP does not: the
 * allowance is what bounds the answers it holds, and the heartbeat what bounds the session
 * updates.)
 */
@ExtendWith({EmbeddedRedis.class, ArquillianExtension.class})
@RunAsClient
class StalledTeacherIT {
  /** Joined students: each adds a line of some 200 bytes to every session update. */
  private static final int STUDENTS = 200;

  /** How long the good teacher and the student are watched. */
  private static final Duration WATCHED = Duration.ofSeconds(30);

  /** How long the stalled peer only receives session updates before it provokes errors too. */
  private static final Duration UPDATES_ONLY = Duration.ofSeconds(10);

  private static final long FRAME_EVERY_MS = 500;

  /** Unreadable messages, each worth an ERROR of some 130 bytes if it were answered. */
  private static final int ERRORS_PROVOKED = 60_000;

  /** The messages a teacher may send in a window before the rest are dropped (MessageRates). */
  private static final int TEACHER_ALLOWANCE = 50;

  /** The window those messages are counted over (FramePace.RATE_WINDOW). */
  private static final long RATE_WINDOW_MS = 5_000;

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;

  @Test
  void aTeacherWhoStopsReadingDelaysNoOtherTeacherNorTheStudents() throws Exception {
    Server server = new Server(deployed);
    String sessionId = server.createSession("Stalled teacher", "CLASS");
    String padding = "x".repeat(80);
    for (int i = 0; i < STUDENTS; i++) {
      server.join(sessionId, "Q" + i, "Quiet student " + i + " " + padding);
    }
    URI studentSocket = server.join(sessionId, "S1", "Ada");
    String frame = Frames.dataUrl(Frames.oneFace());

    ExecutorService background = Executors.newFixedThreadPool(2);
    try (RawWebSocket stalled =
            RawWebSocket.notReading(
                server.ws("ws/teacher?sessionId=" + sessionId), server.cookieHeader(), 4096);
        WsClient teacher = server.teacherSocket(sessionId);
        WsClient student = WsClient.connect(studentSocket)) {
      teacher.next("SESSION_UPDATE", Duration.ofSeconds(20));
      // A student's first frame sets up their tracker and takes longer: not measured.
      student.send(Frames.videoFrame(sessionId, "S1", 1L, frame));
      student.next("FEEDBACK", Duration.ofSeconds(20));
      long start = System.currentTimeMillis();

      Map<Long, Long> sentAt = new ConcurrentHashMap<>();
      Future<List<Long>> latencies =
          background.submit(() -> feedbackLatencies(sessionId, student, frame, sentAt));
      Future<List<WsClient.Received>> updates =
          background.submit(() -> teacher.collect("SESSION_UPDATE", WATCHED));

      Thread.sleep(UPDATES_ONLY.toMillis());
      long floodStart = System.currentTimeMillis();
      for (int i = 0; i < ERRORS_PROVOKED; i++) {
        stalled.sendOneFrame("not JSON " + i);
      }
      // The server reads the flood as fast as it can; each rate window it spans allows as many
      // answers again (and one RATE_LIMITED), so a slow machine sees more than one window's.
      long windows = (System.currentTimeMillis() - floodStart) / RATE_WINDOW_MS + 2;

      List<WsClient.Received> received = updates.get();
      List<Long> gaps = new ArrayList<>();
      for (int i = 1; i < received.size(); i++) {
        gaps.add(received.get(i).at() - received.get(i - 1).at());
      }
      long longestGap = gaps.stream().mapToLong(Long::longValue).max().orElse(Long.MAX_VALUE);
      System.out.printf(
          "good teacher: %d updates of %d bytes in %d ms, gaps %d..%d ms%n",
          received.size(),
          received.get(0).json().toString().length(),
          System.currentTimeMillis() - start,
          gaps.stream().mapToLong(Long::longValue).min().orElse(-1),
          longestGap);
      assertTrue(
          received.size() >= WATCHED.toSeconds() - 2,
          "updates to the good teacher: " + received.size());
      assertTrue(longestGap < 1500, "gaps between the good teacher's updates: " + gaps);

      List<Long> answered = latencies.get();
      List<Long> sorted = answered.stream().sorted().toList();
      long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
      long max = sorted.get(sorted.size() - 1);
      System.out.printf(
          "student: %d frames, %d answered, latency median %d ms, p95 %d ms, max %d ms (frame %d)%n",
          sentAt.size(),
          answered.size(),
          sorted.get(sorted.size() / 2),
          p95,
          max,
          answered.indexOf(max));
      assertEquals(sentAt.size(), answered.size(), "every frame answered");
      assertTrue(p95 < 500 && max < 1000, "feedback latencies: " + answered);

      // What reaches the stalled peer once it reads: what it held, until the updates are live
      // (and two seconds more, for anything queued beside them). A peer still connected then gets
      // an update every second for as long as it reads, answering the heartbeat's pings.
      long readingFrom = System.currentTimeMillis();
      stalled.startReading();
      List<Long> stalledUpdates = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      long readUntil = Long.MAX_VALUE;
      String text;
      while (System.currentTimeMillis() < readUntil
          && (text = stalled.nextText(Duration.ofSeconds(5))) != null) {
        JsonObject m = Server.json(text);
        if ("SESSION_UPDATE".equals(m.getString("type"))) {
          long at = m.getJsonNumber("timestamp").longValue();
          stalledUpdates.add(at);
          if (at >= readingFrom && readUntil == Long.MAX_VALUE) {
            readUntil = System.currentTimeMillis() + 2_000;
          }
        } else if ("ERROR".equals(m.getString("type"))) {
          errors.add(m.getString("code"));
        }
      }

      int code = stalled.isClosed() ? stalled.awaitCloseCode(Duration.ZERO) : 0;
      System.out.printf(
          "stalled teacher: closed with %d after %d updates and %d errors%n",
          code, stalledUpdates.size(), errors.size());
      assertTrue(
          errors.size() <= windows * (TEACHER_ALLOWANCE + 1),
          errors.size()
              + " errors for "
              + ERRORS_PROVOKED
              + " unreadable messages over at most "
              + windows
              + " rate windows");
      // Told of the limit, or closed (1008, or a reset that loses what it had not read) when the
      // server took more than 10 s to read the flood.
      assertTrue(
          errors.contains("RATE_LIMITED") || code != 0, "told of the limit or closed: " + errors);
    } finally {
      background.shutdownNow();
    }
  }

  /**
   * Sends a face every {@link #FRAME_EVERY_MS} while the teachers are watched, each stamped with
   * the time it is sent; the latency of each frame's FEEDBACK.
   */
  private static List<Long> feedbackLatencies(
      String sessionId, WsClient student, String frame, Map<Long, Long> sentAt) throws Exception {
    List<Long> latencies = new ArrayList<>();
    long end = System.currentTimeMillis() + WATCHED.toMillis() - 2_000;
    long next = System.currentTimeMillis();
    while (System.currentTimeMillis() < end) {
      long t = System.currentTimeMillis();
      sentAt.put(t, System.nanoTime());
      student.send(Frames.videoFrame(sessionId, "S1", t, frame));
      next += FRAME_EVERY_MS;
      while (latencies.size() < sentAt.size()) {
        long wait = Math.max(next - System.currentTimeMillis(), 2_000);
        JsonObject feedback = student.next("FEEDBACK", Duration.ofMillis(wait));
        Long sent = sentAt.get(feedback.getJsonNumber("frameTimestamp").longValue());
        if (sent != null) {
          latencies.add((System.nanoTime() - sent) / 1_000_000);
        }
      }
      Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
    }
    return latencies;
  }
}
