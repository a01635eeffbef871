package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
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
    try (WsClient teacher = server.teacherSocket(sessionId);
        FrameFlood students = FrameFlood.start(server, sessionId, "P", STUDENTS, FPS)) {
      long start = System.currentTimeMillis();
      JsonObject rate = students.student(0).next("RATE", WAIT);
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
          STUDENTS, FPS, rate, toldAfter, students.sent());

      // The frames stop: after some ten seconds with room, the limit is lifted.
      students.stop();
      JsonObject lifted =
          students
              .student(0)
              .next(
                  m -> "RATE".equals(m.getString("type")) && !m.containsKey("fps"),
                  WAIT,
                  "a RATE without fps");
      assertFalse(lifted.containsKey("fps"));
      teacher.next(
          m -> "SESSION_UPDATE".equals(m.getString("type")) && !m.containsKey("analysis"),
          Duration.ofSeconds(5),
          "a SESSION_UPDATE at the full rate");
    }
  }
}
