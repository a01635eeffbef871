package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real-time path end to end on a real Payara Micro: REST to create and join a session, a
 * student's frames over /ws/student, the teacher's view over /ws/teacher, and the refusals.
 */
@ExtendWith({EmbeddedRedis.class, ArquillianExtension.class})
@RunAsClient
class RealTimePathIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;

  private Server server;
  private String sessionId;

  @BeforeEach
  void createSession() throws Exception {
    server = new Server(deployed);
    sessionId = server.createSession("Real-time path", "EXAM");
  }

  @Test
  void aStudentsFrameProducesFeedback() throws Exception {
    URI socket = server.join(sessionId, "S123", "Ada");
    try (WsClient student = WsClient.connect(socket)) {
      student.send(
          Frames.videoFrame(sessionId, "S123", System.currentTimeMillis(), Frames.sceneDataUrl()));
      JsonObject feedback = student.next("FEEDBACK", WAIT);
      assertTrue(feedback.containsKey("status"), feedback::toString);
      assertFalse(feedback.getString("message").isBlank());
    }
  }

  @Test
  void teachersGetASessionUpdateAboutEverySecondListingTheStudent() throws Exception {
    URI socket = server.join(sessionId, "S1", "Grace");
    try (WsClient student = WsClient.connect(socket);
        WsClient teacher = server.teacherSocket(sessionId)) {
      student.send(
          Frames.videoFrame(sessionId, "S1", System.currentTimeMillis(), Frames.sceneDataUrl()));
      student.next("FEEDBACK", WAIT);
      // The first update comes at once on connecting; then one per timer tick.
      teacher.next("SESSION_UPDATE", WAIT);
      List<WsClient.Received> updates = teacher.collect("SESSION_UPDATE", Duration.ofMillis(4500));
      assertTrue(updates.size() >= 3 && updates.size() <= 6, "updates in 4.5 s: " + updates.size());
      for (int i = 1; i < updates.size(); i++) {
        long gap = updates.get(i).at() - updates.get(i - 1).at();
        assertTrue(gap > 500 && gap < 1600, "gap between updates " + gap + " ms");
      }
      JsonObject last = updates.get(updates.size() - 1).json();
      assertEquals(sessionId, last.getString("sessionId"));
      assertEquals(1, last.getJsonObject("aggregate").getInt("totalStudents"));
      JsonObject line = last.getJsonArray("students").getJsonObject(0);
      assertEquals("S1", line.getString("id"));
      assertEquals("Grace", line.getString("name"));
      assertTrue(line.containsKey("status"));
    }
  }

  @Test
  void malformedMessagesGetErrorsAndTheConnectionGoesOn() throws Exception {
    URI socket = server.join(sessionId, "S2", "Alan");
    try (WsClient student = WsClient.connect(socket)) {
      student.send("this is not JSON");
      assertEquals("MALFORMED_JSON", student.next("ERROR", WAIT).getString("code"));

      student.send("{\"type\":\"HELLO\"}");
      assertEquals("UNKNOWN_TYPE", student.next("ERROR", WAIT).getString("code"));

      student.send("{\"type\":\"VIDEO_FRAME\",\"studentId\":\"S2\"}");
      JsonObject missing = student.next("ERROR", WAIT);
      assertEquals("INVALID_FIELD", missing.getString("code"));
      assertTrue(missing.getString("message").contains("'sessionId'"), missing::toString);

      student.send("{\"type\":\"COMMAND\",\"command\":\"PAUSE_EXAM\"}");
      assertEquals("UNEXPECTED_TYPE", student.next("ERROR", WAIT).getString("code"));

      student.send(Frames.videoFrame(sessionId, "SOMEONE_ELSE", 1L, Frames.sceneDataUrl()));
      assertEquals("IDENTITY_MISMATCH", student.next("ERROR", WAIT).getString("code"));

      student.send(
          Frames.videoFrame(sessionId, "S2", 2L, "data:image/jpeg;base64,bm90IGEganBlZw=="));
      JsonObject corrupt = student.next("ERROR", WAIT);
      assertEquals("INVALID_FRAME", corrupt.getString("code"));
      assertTrue(corrupt.getString("message").contains("not a JPEG"), corrupt::toString);

      student.send(Frames.videoFrame(sessionId, "S2", 3L, Frames.sceneDataUrl()));
      assertTrue(student.next("FEEDBACK", WAIT).containsKey("status"));
    }
  }

  @Test
  void aMessageOverTheSizeLimitClosesWithTooBig() throws Exception {
    URI socket = server.join(sessionId, "S3", "Barbara");
    try (WsClient student = WsClient.connect(socket)) {
      String huge = "data:image/jpeg;base64," + "A".repeat(2 * 1024 * 1024);
      student.sendExpectingClose(Frames.videoFrame(sessionId, "S3", 1L, huge));
      assertEquals(1009, student.awaitCloseCode(WAIT));
    }
  }

  @Test
  void connectionsToUnknownSessionsOrStudentsAreRefusedByPolicy() throws Exception {
    String unknown = TestTokens.sign(TestTokens.deploymentKey(), "NOPE", "S1", c -> c);
    try (WsClient student = WsClient.connect(server.studentSocket("NOPE", "S1", unknown))) {
      assertEquals(1008, student.awaitCloseCode(WAIT));
    }
    // Even with a token of this deployment: the student never joined.
    String stranger = TestTokens.sign(TestTokens.deploymentKey(), sessionId, "STRANGER", c -> c);
    try (WsClient notJoined =
        WsClient.connect(server.studentSocket(sessionId, "STRANGER", stranger))) {
      assertEquals(1008, notJoined.awaitCloseCode(WAIT));
    }
    try (WsClient teacher = server.teacherSocket("NOPE")) {
      assertEquals(1008, teacher.awaitCloseCode(WAIT));
    }
  }

  @Test
  void teachersCommandsReachTheirStudents() throws Exception {
    URI socket = server.join(sessionId, "S4", "Edsger");
    try (WsClient student = WsClient.connect(socket);
        WsClient teacher = server.teacherSocket(sessionId)) {
      teacher.next("SESSION_UPDATE", WAIT);
      teacher.send("{\"type\":\"COMMAND\",\"command\":\"PAUSE_EXAM\"}");
      assertEquals("PAUSE_EXAM", student.next("COMMAND", WAIT).getString("command"));
      teacher.send(
          "{\"type\":\"COMMAND\",\"command\":\"MESSAGE\",\"studentId\":\"S4\",\"text\":\"5 minutes left\"}");
      assertEquals("5 minutes left", student.next("COMMAND", WAIT).getString("text"));
      teacher.send(
          "{\"type\":\"ALERT_ACKNOWLEDGED\",\"alertId\":\"ALERT_NONE\",\"action\":\"REVIEWED\"}");
      assertEquals("NOT_FOUND", teacher.next("ERROR", WAIT).getString("code"));
    }
  }

  @Test
  void aStudentWhoReconnectsResumesTheirState() throws Exception {
    URI socket = server.join(sessionId, "S5", "Ken");
    try (WsClient first = WsClient.connect(socket)) {
      first.send(Frames.videoFrame(sessionId, "S5", 1000L, Frames.sceneDataUrl()));
      first.next("FEEDBACK", WAIT);
    }
    try (WsClient again = WsClient.connect(socket);
        WsClient teacher = server.teacherSocket(sessionId)) {
      JsonObject update = teacher.next("SESSION_UPDATE", WAIT);
      JsonObject line = update.getJsonArray("students").getJsonObject(0);
      assertEquals("S5", line.getString("id"));
      assertTrue(!"JOINED".equals(line.getString("status")), "state kept: " + line);
      again.send(Frames.videoFrame(sessionId, "S5", 2000L, Frames.sceneDataUrl()));
      again.next("FEEDBACK", WAIT);
    }
  }
}
