package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * Deleting a student's data (an erasure request) and a session's, on a real Payara Micro: the
 * student is told and disconnected, the API answers 404 for what was deleted and keeps the rest,
 * the audit log records the erasure without naming the student; with state in Redis, a scan of the
 * session's keys, fields and values finds nothing of the student, and nothing of the session.
 */
@ExtendWith({EmbeddedRedis.class, ArquillianExtension.class})
@RunAsClient
class DataDeletionIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long STEP_MS = 500;

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;

  /** Every key of the session, and every field, member and value in them, as text. */
  private static List<String> redisContent(String sessionId) {
    List<String> all = new ArrayList<>();
    try (RedisClient redis =
        RedisClient.create("127.0.0.1", Integer.parseInt(System.getProperty("redis.it.port")))) {
      Set<String> keys = redis.keys("smartsession:{" + sessionId + "}:*");
      for (String key : keys) {
        all.add(key);
        switch (redis.type(key)) {
          case "hash" -> redis.hgetAll(key).forEach((f, v) -> all.addAll(List.of(f, v)));
          case "set" -> all.addAll(redis.smembers(key));
          case "list" -> all.addAll(redis.lrange(key, 0, -1));
          case "zset" -> all.addAll(redis.zrange(key, 0, -1));
          default -> all.add(redis.get(key));
        }
      }
      all.addAll(redis.zrange("smartsession:sessions", 0, -1));
    }
    return all;
  }

  private static boolean inRedis() {
    return Boolean.getBoolean("smartsession.it.redis");
  }

  @Test
  void anErasedStudentLeavesNoTraceAndTheSessionGoesOnThenTheSessionGoesEntirely()
      throws Exception {
    Server server = new Server(deployed);
    String other = server.createSession("Another session, kept", "CLASS");
    String sessionId = server.createSession("Erasure", "EXAM");
    URI mallory = server.join(sessionId, "S-MALLORY", "Mallory Erased");
    URI trent = server.join(sessionId, "S-TRENT", "Trent Kept");
    String two = Frames.dataUrl(Frames.twoFaces());
    String one = Frames.dataUrl(Frames.oneFace());

    try (WsClient teacher = server.teacherSocket(sessionId);
        WsClient erased = WsClient.connect(mallory);
        WsClient kept = WsClient.connect(trent)) {
      long clock = System.currentTimeMillis() - 10_000;
      for (int i = 0; i < 6; i++) {
        clock += STEP_MS;
        erased.send(Frames.videoFrame(sessionId, "S-MALLORY", clock, two));
        erased.next("FEEDBACK", WAIT);
        kept.send(Frames.videoFrame(sessionId, "S-TRENT", clock, one));
        kept.next("FEEDBACK", WAIT);
      }
      teacher.next(WsClient.criticalAlert("MULTIPLE_FACES"), WAIT, "the erased student's alert");
      assertEquals(
          201,
          server
              .post(
                  "api/v1/sessions/" + sessionId + "/notes",
                  "{\"studentId\":\"S-MALLORY\",\"text\":\"Mallory looked at a phone\"}")
              .statusCode());
      if (inRedis()) {
        assertTrue(
            redisContent(sessionId).stream().anyMatch(s -> s.contains("S-MALLORY")),
            "the student is in Redis before");
      }

      HttpResponse<String> gone =
          server.delete("api/v1/sessions/" + sessionId + "/students/S-MALLORY");
      assertEquals(204, gone.statusCode(), gone.body());

      // Their page is told the session is over for them, and disconnected.
      assertEquals("END_SESSION", erased.next("COMMAND", WAIT).getString("command"));
      assertEquals(1000, erased.awaitCloseCode(WAIT));
      try (WsClient again = WsClient.connect(mallory)) {
        assertEquals(1008, again.awaitCloseCode(WAIT), "their token opens nothing now");
      }

      // Nothing of them is left, in the API or in Redis; the other student goes on.
      assertEquals(
          404,
          server.get("api/v1/sessions/" + sessionId + "/students/S-MALLORY/history").statusCode());
      assertEquals(
          404, server.delete("api/v1/sessions/" + sessionId + "/students/S-MALLORY").statusCode());
      String alerts = server.get("api/v1/sessions/" + sessionId + "/alerts").body();
      assertFalse(alerts.contains("S-MALLORY"), alerts);
      String report = server.get("api/v1/sessions/" + sessionId + "/report").body();
      assertFalse(report.contains("S-MALLORY") || report.contains("Mallory"), report);
      kept.send(Frames.videoFrame(sessionId, "S-TRENT", clock += STEP_MS, one));
      kept.next("FEEDBACK", WAIT);
      JsonObject update =
          teacher.next(
              m ->
                  "SESSION_UPDATE".equals(m.getString("type", null))
                      && m.getJsonArray("students").size() == 1,
              WAIT,
              "a summary without the erased student");
      assertEquals("S-TRENT", update.getJsonArray("students").getJsonObject(0).getString("id"));
      String audit = server.get("api/v1/sessions/" + sessionId + "/audit").body();
      assertTrue(audit.contains("STUDENT_DATA_DELETED"), audit);
      assertFalse(audit.contains("S-MALLORY") || audit.contains("Mallory"), audit);
      if (inRedis()) {
        List<String> left = redisContent(sessionId);
        assertTrue(left.stream().anyMatch(s -> s.contains("S-TRENT")), "the other student stays");
        assertTrue(
            left.stream().noneMatch(s -> s.contains("S-MALLORY") || s.contains("Mallory")),
            () -> "left in Redis: " + left);
      }

      // Then the whole session.
      assertEquals(204, server.delete("api/v1/sessions/" + sessionId).statusCode());
      assertEquals("END_SESSION", kept.next("COMMAND", WAIT).getString("command"));
      assertEquals(1000, kept.awaitCloseCode(WAIT));
      assertEquals(1000, teacher.awaitCloseCode(WAIT));
    }
    assertEquals(404, server.get("api/v1/sessions/" + sessionId).statusCode());
    assertEquals(404, server.get("api/v1/sessions/" + sessionId + "/alerts").statusCode());
    String listed = server.get("api/v1/sessions").body();
    assertFalse(listed.contains(sessionId), listed);
    assertTrue(listed.contains(other), listed);
    if (inRedis()) {
      List<String> left = redisContent(sessionId);
      assertTrue(left.stream().noneMatch(s -> s.contains(sessionId)), () -> "left: " + left);
    }
  }
}
