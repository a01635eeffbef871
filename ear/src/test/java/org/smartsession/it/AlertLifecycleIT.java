package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real frames through the real vision engine and scoring rules, end to end: a student is assessed,
 * leaves the camera (NO_FACE after the configured 10 s of frame time), comes back and recovers,
 * then a second person appears (exactly one MULTIPLE_FACES alert, with a screenshot), and a teacher
 * acknowledges it. Frames carry capture timestamps 500 ms apart (2 frames per second); each is sent
 * once the previous one's feedback arrived, so none is dropped. The server keeps capture times
 * within 10 s of its own clock, so the frames' clock starts a little behind it and waits when it
 * runs too far ahead.
 */
@ExtendWith({EmbeddedRedis.class, ArquillianExtension.class})
@RunAsClient
class AlertLifecycleIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final long STEP_MS = 500;

  /** How far the frames' clock may be from the server's: within its tolerance, 10 s. */
  private static final long LEAD_MS = 8_000;

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;

  private long clock;

  /** Sends {@code count} frames and returns their feedback. */
  private List<JsonObject> stream(
      WsClient student, String sessionId, String studentId, String dataUrl, int count)
      throws InterruptedException {
    List<JsonObject> feedback = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clock += STEP_MS;
      long ahead = clock - System.currentTimeMillis();
      if (ahead > LEAD_MS) {
        Thread.sleep(ahead - LEAD_MS);
      }
      student.send(Frames.videoFrame(sessionId, studentId, clock, dataUrl));
      feedback.add(student.next("FEEDBACK", WAIT));
    }
    return feedback;
  }

  private static String status(List<JsonObject> feedback) {
    return feedback.get(feedback.size() - 1).getString("status");
  }

  @Test
  void alertsFollowWhatTheCameraSees() throws Exception {
    Server server = new Server(deployed);
    String sessionId = server.createSession("Exam with alerts", "EXAM");
    String face = Frames.dataUrl(Frames.oneFace());
    String empty = Frames.dataUrl(Frames.fixture("no-face.jpg"));
    String two = Frames.dataUrl(Frames.twoFaces());
    try (WsClient student = WsClient.connect(server.join(sessionId, "S1", "Ada"));
        WsClient teacher = server.teacherSocket(sessionId)) {
      teacher.next("SESSION_UPDATE", WAIT);
      clock = System.currentTimeMillis() - LEAD_MS;

      // 5 s with a face: calibrated, then assessed with real scores.
      List<JsonObject> present = stream(student, sessionId, "S1", face, 10);
      JsonObject last = present.get(present.size() - 1);
      assertTrue(List.of("ENGAGED", "CONFUSED").contains(last.getString("status")), last::toString);
      assertTrue(
          last.containsKey("confusionScore") && last.containsKey("engagementScore"),
          last::toString);

      // The face leaves: DISENGAGED at once, NO_FACE once 10 s have passed, and only once.
      List<JsonObject> away = stream(student, sessionId, "S1", empty, 24);
      assertEquals("DISENGAGED", status(away));
      assertEquals(0.0, away.get(away.size() - 1).getJsonNumber("engagementScore").doubleValue());
      JsonObject noFace = teacher.next("CRITICAL_ALERT", WAIT);
      assertEquals("NO_FACE", noFace.getString("alertType"));
      assertEquals("S1", noFace.getString("studentId"));
      assertTrue(noFace.getJsonNumber("durationMs").longValue() >= 10_000, noFace::toString);
      assertFalse(noFace.containsKey("screenshot"), "NO_FACE alerts carry no screenshot");

      // The face comes back: the status recovers.
      List<JsonObject> back = stream(student, sessionId, "S1", face, 6);
      assertNotEquals("DISENGAGED", status(back));

      // A second person: one MULTIPLE_FACES alert with the frame as screenshot, however long.
      stream(student, sessionId, "S1", two, 12);
      JsonObject multiple =
          teacher.next(WsClient.criticalAlert("MULTIPLE_FACES"), WAIT, "MULTIPLE_FACES alert");
      assertTrue(multiple.getString("screenshot").startsWith("data:image/jpeg;base64,"));

      JsonArray alerts =
          Server.json(
                  "{\"a\":" + server.get("api/v1/sessions/" + sessionId + "/alerts").body() + "}")
              .getJsonArray("a");
      long multiples =
          alerts.stream()
              .map(JsonObject.class::cast)
              .filter(a -> "MULTIPLE_FACES".equals(a.getString("alertType")))
              .count();
      long noFaces =
          alerts.stream()
              .map(JsonObject.class::cast)
              .filter(a -> "NO_FACE".equals(a.getString("alertType")))
              .count();
      assertEquals(1, multiples, alerts::toString);
      assertEquals(1, noFaces, alerts::toString);

      // A teacher reviews it; every teacher of the session is told.
      teacher.send(Frames.reviewed(multiple.getString("alertId")));
      JsonObject ack = teacher.next("ALERT_ACKNOWLEDGED", WAIT);
      assertEquals(multiple.getString("alertId"), ack.getString("alertId"));
      assertEquals("REVIEWED", ack.getString("action"));

      // The API answers the alert in the socket's shape, with the decision in the shape of its
      // ALERT_ACKNOWLEDGED.
      JsonObject stored =
          Server.json(
                  "{\"a\":" + server.get("api/v1/sessions/" + sessionId + "/alerts").body() + "}")
              .getJsonArray("a")
              .stream()
              .map(JsonObject.class::cast)
              .filter(a -> multiple.getString("alertId").equals(a.getString("alertId")))
              .findFirst()
              .orElseThrow();
      for (String field : multiple.keySet()) {
        assertTrue(stored.containsKey(field), () -> field + " in " + stored.keySet());
      }
      assertEquals("CRITICAL_ALERT", stored.getString("type"));
      JsonObject decision = stored.getJsonObject("acknowledgement");
      assertEquals("REVIEWED", decision.getString("action"));
      assertEquals(ack.getString("acknowledgedBy"), decision.getString("acknowledgedBy"));
      assertEquals(
          ack.getJsonNumber("timestamp").longValue(),
          decision.getJsonNumber("timestamp").longValue());

      // The teacher's summary lists the student with real values.
      JsonObject update = teacher.next("SESSION_UPDATE", WAIT);
      JsonObject line = update.getJsonArray("students").getJsonObject(0);
      assertEquals(2, line.getInt("faces"));
      assertTrue(line.containsKey("indicators"), line::toString);
    }
  }
}
