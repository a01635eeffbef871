package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Students' tokens on a real Payara Micro: the join answer's token opens the student's socket and
 * nothing else does (no token, garbage, another key, expired, another session's or student's:
 * 1008); a joined student id is not handed to a second join (409 STUDENT_ID_TAKEN) unless it
 * carries that student's own token, which resumes them.
 */
@ExtendWith({EmbeddedRedis.class, ArquillianExtension.class})
@RunAsClient
class StudentTokenIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int VIOLATED_POLICY = 1008;

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
    sessionId = server.createSession("Tokens", "EXAM");
  }

  /** The server's close of a socket opened at {@code uri}: code and reason. */
  private static WsClient.Closed refusal(URI uri) throws Exception {
    try (WsClient student = WsClient.connect(uri)) {
      return student.awaitClose(WAIT);
    }
  }

  private static void frameGetsFeedback(WsClient student, String sessionId, String studentId)
      throws Exception {
    student.send(
        Frames.videoFrame(sessionId, studentId, System.currentTimeMillis(), Frames.sceneDataUrl()));
    assertTrue(student.next("FEEDBACK", WAIT).containsKey("status"));
  }

  /** The student's line in the next SESSION_UPDATE a new teacher connection receives. */
  private JsonObject teachersLine(String studentId) throws Exception {
    try (WsClient teacher = server.teacherSocket(sessionId)) {
      JsonObject update = teacher.next("SESSION_UPDATE", WAIT);
      return update.getJsonArray("students").stream()
          .map(v -> v.asJsonObject())
          .filter(s -> studentId.equals(s.getString("id")))
          .findFirst()
          .orElseThrow(() -> new AssertionError(studentId + " not in " + update));
    }
  }

  @Test
  void theJoinAnswersTokenOpensTheSocketAndFeedbackFlows() throws Exception {
    JsonObject joined = server.joined(sessionId, "S1", "Ada", null);
    String token = joined.getString("token");
    assertEquals(3, token.split("\\.").length, "a JWS compact serialisation");
    assertTrue(joined.getJsonNumber("tokenExpiresAt").longValue() > System.currentTimeMillis());
    assertEquals(
        "ws/student?sessionId=" + sessionId + "&studentId=S1&token=" + token,
        joined.getString("webSocketPath"));

    try (WsClient student = WsClient.connect(server.ws(joined.getString("webSocketPath")))) {
      frameGetsFeedback(student, sessionId, "S1");
    }
  }

  @Test
  void aTokenSignedWithTheDeploymentsKeyOpensTheSocketAsOnAnyOfItsServers() throws Exception {
    server.joined(sessionId, "S2", "Grace", null);
    String token = TestTokens.sign(TestTokens.deploymentKey(), sessionId, "S2", c -> c);
    try (WsClient student = WsClient.connect(server.studentSocket(sessionId, "S2", token))) {
      frameGetsFeedback(student, sessionId, "S2");
    }
  }

  @Test
  void aSocketWithoutATokenOrWithGarbageIsRefused() throws Exception {
    server.joined(sessionId, "S3", "Alan", null);

    WsClient.Closed none = refusal(server.studentSocket(sessionId, "S3", null));
    assertEquals(VIOLATED_POLICY, none.code());
    assertTrue(none.reason().contains("token"), none.reason());

    WsClient.Closed garbage = refusal(server.studentSocket(sessionId, "S3", "not-a-token"));
    assertEquals(VIOLATED_POLICY, garbage.code());
    assertEquals(VIOLATED_POLICY, refusal(server.studentSocket(sessionId, "S3", "")).code());
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    server.joined(sessionId, "S4", "Barbara", null);
    byte[] otherKey = new byte[32];
    new SecureRandom().nextBytes(otherKey);
    String forged = TestTokens.sign(otherKey, sessionId, "S4", c -> c);

    WsClient.Closed closed = refusal(server.studentSocket(sessionId, "S4", forged));

    assertEquals(VIOLATED_POLICY, closed.code());
    assertFalse(closed.reason().contains(forged), "the reason never repeats the token");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    server.joined(sessionId, "S5", "Edsger", null);
    Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
    String expired =
        TestTokens.sign(
            TestTokens.deploymentKey(),
            sessionId,
            "S5",
            c ->
                c.add("iat", twoHoursAgo.getEpochSecond())
                    .add("exp", twoHoursAgo.plus(Duration.ofHours(1)).getEpochSecond()));

    WsClient.Closed closed = refusal(server.studentSocket(sessionId, "S5", expired));

    assertEquals(VIOLATED_POLICY, closed.code());
    assertTrue(closed.reason().contains("expired"), closed.reason());
  }

  @Test
  void aTokenOfTheDeploymentForAnotherAudienceIsRefused() throws Exception {
    server.joined(sessionId, "S6", "Ken", null);
    String teachers =
        TestTokens.sign(TestTokens.deploymentKey(), sessionId, "S6", c -> c.add("aud", "teacher"));
    assertEquals(VIOLATED_POLICY, refusal(server.studentSocket(sessionId, "S6", teachers)).code());
  }

  @Test
  void anotherSessionsTokenIsRefused() throws Exception {
    String otherSession = server.createSession("Another exam", "EXAM");
    server.joined(sessionId, "S7", "Ada", null);
    String elsewhere = server.joined(otherSession, "S7", "Ada", null).getString("token");

    WsClient.Closed closed = refusal(server.studentSocket(sessionId, "S7", elsewhere));

    assertEquals(VIOLATED_POLICY, closed.code());
    assertTrue(closed.reason().contains("another"), closed.reason());
  }

  @Test
  void anotherStudentsTokenIsRefused() throws Exception {
    server.joined(sessionId, "S8", "Ada", null);
    String bobs = server.joined(sessionId, "S9", "Bob", null).getString("token");

    WsClient.Closed closed = refusal(server.studentSocket(sessionId, "S8", bobs));

    assertEquals(VIOLATED_POLICY, closed.code());
    assertFalse(closed.reason().contains(bobs), "the reason never repeats the token");
  }

  @Test
  void aSecondJoinWithATakenIdIsRefusedAndChangesNothing() throws Exception {
    JsonObject ada = server.joined(sessionId, "S10", "Ada", null);
    String bobs = server.joined(sessionId, "S11", "Bob", null).getString("token");
    try (WsClient student = WsClient.connect(server.ws(ada.getString("webSocketPath")))) {
      frameGetsFeedback(student, sessionId, "S10");

      HttpResponse<String> taken = server.joining(sessionId, "S10", "Mallory", null);
      assertEquals(409, taken.statusCode(), taken.body());
      JsonObject error = Server.json(taken.body());
      assertEquals("STUDENT_ID_TAKEN", error.getString("error"));
      assertTrue(error.getString("message").contains("already in use"), taken.body());
      assertFalse(taken.body().contains("token"), "no token for whoever asked: " + taken.body());

      assertEquals(409, server.joining(sessionId, "S10", "Mallory", bobs).statusCode());
      assertEquals(409, server.joining(sessionId, "S10", "Mallory", "not-a-token").statusCode());

      JsonObject line = teachersLine("S10");
      assertEquals("Ada", line.getString("name"));
      assertNotEquals("JOINED", line.getString("status"), "state kept: " + line);
      frameGetsFeedback(student, sessionId, "S10");
    }
  }

  @Test
  void aRejoinWithTheStudentsOwnTokenResumesThem() throws Exception {
    JsonObject first = server.joined(sessionId, "S12", "Ada", null);
    try (WsClient student = WsClient.connect(server.ws(first.getString("webSocketPath")))) {
      frameGetsFeedback(student, sessionId, "S12");
    }

    JsonObject again = server.joined(sessionId, "S12", "Ada L.", first.getString("token"));

    String token = again.getString("token");
    assertNotEquals(first.getString("token"), token, "a fresh token");
    assertEquals("Ada L.", again.getString("name"));
    assertTrue(again.getString("webSocketPath").endsWith("&token=" + token));
    JsonObject line = teachersLine("S12");
    assertEquals("Ada L.", line.getString("name"));
    assertNotEquals("JOINED", line.getString("status"), "state kept: " + line);
    try (WsClient student = WsClient.connect(server.ws(again.getString("webSocketPath")))) {
      frameGetsFeedback(student, sessionId, "S12");
    }
  }

  @Test
  void theJoinAnswerIsNotCachedAndTheSessionsOtherResourcesStillAnswer() throws Exception {
    HttpResponse<String> joined = server.joining(sessionId, "S13", "Ada", null);
    assertEquals(200, joined.statusCode());
    assertEquals("no-store", joined.headers().firstValue("Cache-Control").orElse(""));
    assertEquals(200, server.get("api/v1/sessions/" + sessionId).statusCode());
    assertEquals(
        200, server.get("api/v1/sessions/" + sessionId + "/students/S13/history").statusCode());
    assertEquals(404, server.joining("S-NO-SUCH-SESSION", "S13", "Ada", null).statusCode());
  }
}
