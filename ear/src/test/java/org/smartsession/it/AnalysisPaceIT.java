package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * More frames than the server's two workers analyse, on the real server with the real face models:
 * the exam's students are told to send one frame a second ({@code RATE}), the teacher's summary
 * says since when analysis is reduced, and once the frames stop the limit is lifted again. The test
 * client shares the server's cores, which only makes the overload come sooner.
 */
@ExtendWith({EmbeddedRedis.class, ArquillianExtension.class})
@RunAsClient
class AnalysisPaceIT {
  /** Students each sending {@link #FPS} frames a second: about twice what two workers analyse. */
  private static final int STUDENTS = 40;

  /** Under the per-connection limit of twice the 5 fps a page may be told to send. */
  private static final int FPS = 8;

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;

  @Test
  void anOverloadedServerSlowsTheExamDownAndLetsItGoAgain() throws Exception {
    Server server = new Server(deployed);
    String sessionId = server.createSession("Paced exam", "EXAM");
    String frame = Frames.dataUrl(Frames.oneFace());
    List<WsClient> students = new ArrayList<>();
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(4);
    try (WsClient teacher = server.teacherSocket(sessionId)) {
      for (int i = 0; i < STUDENTS; i++) {
        students.add(WsClient.connect(server.join(sessionId, "P" + i, "Paced student " + i)));
      }
      AtomicLong sent = new AtomicLong();
      for (int i = 0; i < STUDENTS; i++) {
        WsClient student = students.get(i);
        String id = "P" + i;
        senders.scheduleAtFixedRate(
            () -> {
              try {
                student.send(Frames.videoFrame(sessionId, id, System.currentTimeMillis(), frame));
                sent.incrementAndGet();
              } catch (RuntimeException e) {
                // A closed connection shows in the assertions below.
              }
            },
            i * (1000L / FPS) / STUDENTS,
            1000L / FPS,
            TimeUnit.MILLISECONDS);
      }

      long start = System.currentTimeMillis();
      JsonObject rate = students.get(0).next("RATE", WAIT);
      long toldAfter = System.currentTimeMillis() - start;
      assertEquals(1.0, rate.getJsonNumber("fps").doubleValue(), rate::toString);
      JsonObject reduced =
          teacher.next(
              m -> "SESSION_UPDATE".equals(m.getString("type")) && m.containsKey("analysis"),
              Duration.ofSeconds(5),
              "a SESSION_UPDATE saying analysis is reduced");
      JsonObject analysis = reduced.getJsonObject("analysis");
      assertEquals(1.0, analysis.getJsonNumber("fps").doubleValue());
      long since = analysis.getJsonNumber("since").longValue();
      assertTrue(since >= start && since <= System.currentTimeMillis(), "since " + since);
      System.out.printf(
          "%d students at %d fps: told RATE %s after %d ms (%d frames sent)%n",
          STUDENTS, FPS, rate, toldAfter, sent.get());

      // The frames stop: after some ten seconds with room, the limit is lifted.
      senders.shutdownNow();
      assertTrue(senders.awaitTermination(5, TimeUnit.SECONDS));
      JsonObject lifted =
          students
              .get(0)
              .next(
                  m -> "RATE".equals(m.getString("type")) && !m.containsKey("fps"),
                  WAIT,
                  "a RATE without fps");
      assertFalse(lifted.containsKey("fps"));
      teacher.next(
          m -> "SESSION_UPDATE".equals(m.getString("type")) && !m.containsKey("analysis"),
          Duration.ofSeconds(5),
          "a SESSION_UPDATE at the full rate");
    } finally {
      senders.shutdownNow();
      students.forEach(WsClient::close);
    }
  }
}
