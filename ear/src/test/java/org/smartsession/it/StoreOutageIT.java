package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/**
 * Redis goes away while a session runs (the build's "redis-state" run), then comes back empty, as a
 * Redis without persistence does after a restart. The student's feedback and the teacher's summary
 * go on from the server's own copy, an alert raised meanwhile reaches the teacher, and once Redis
 * answers the session, its student and that alert are written to it again. A socket for a session
 * this server holds no copy of is closed with 1011 and says why.
 */
@EnabledIfSystemProperty(named = "smartsession.it.redis", matches = "true")
@ExtendWith({StoreOutageIT.OwnRedis.class, ArquillianExtension.class})
@RunAsClient
class StoreOutageIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** A Redis server of this class's own, which the test stops and starts again, empty. */
  static final class OwnRedis implements BeforeAllCallback, AfterAllCallback {
    static RedisServer server;

    static void start() throws Exception {
      server =
          RedisServer.newRedisServer()
              .port(Integer.parseInt(System.getProperty("redis.it.port")))
              .bind("127.0.0.1")
              .setting("save \"\"")
              .build();
      server.start();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
      start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
      if (server.isActive()) {
        server.stop();
      }
    }
  }

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;

  @Test
  void aSessionGoesOnWhileRedisIsDownAndIsWrittenBackWhenItReturnsEmpty() throws Exception {
    Server server = new Server(deployed);
    String sessionId = server.createSession("Store outage", "EXAM");
    URI student = server.join(sessionId, "S1", "Ada");
    String one = Frames.dataUrl(Frames.oneFace());
    String two = Frames.dataUrl(Frames.twoFaces());
    assertEquals(200, server.get("/health/ready").statusCode(), "ready with Redis up");

    try (WsClient pupil = WsClient.connect(student);
        WsClient teacher = server.teacherSocket(sessionId)) {
      long clock = System.currentTimeMillis() - 10_000;
      pupil.send(Frames.videoFrame(sessionId, "S1", clock += 500, one));
      pupil.next("FEEDBACK", WAIT);
      teacher.next("SESSION_UPDATE", WAIT);

      OwnRedis.server.stop();

      // Not ready: a load balancer sends no new students here.
      HttpResponse<String> ready = server.get("/health/ready");
      assertEquals(503, ready.statusCode(), ready.body());
      JsonObject store =
          Server.json(ready.body()).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
              .filter(c -> "session-store".equals(c.getString("name")))
              .findFirst()
              .orElseThrow();
      assertEquals("DOWN", store.getString("status"), ready.body());
      assertEquals("redis", store.getJsonObject("data").getString("kind"));
      HttpResponse<String> own = server.get("api/v1/ready");
      assertEquals(503, own.statusCode(), own.body());
      assertTrue(
          own.body().contains("{\"name\":\"session-store\",\"status\":\"DOWN\"}"), own.body());

      // Feedback goes on, and two faces raise the alert, which reaches the teacher.
      for (int i = 0; i < 6; i++) {
        pupil.send(Frames.videoFrame(sessionId, "S1", clock += 500, two));
        pupil.next("FEEDBACK", WAIT);
      }
      JsonObject alert =
          teacher.next(
              WsClient.criticalAlert("MULTIPLE_FACES"), WAIT, "MULTIPLE_FACES during the outage");
      String alertId = alert.getString("alertId");

      // The summary keeps coming every second, with the student in it.
      List<WsClient.Received> updates = teacher.collect("SESSION_UPDATE", Duration.ofMillis(3500));
      assertTrue(updates.size() >= 2, "updates in 3.5 s of outage: " + updates.size());
      for (int i = 1; i < updates.size(); i++) {
        long gap = updates.get(i).at() - updates.get(i - 1).at();
        assertTrue(gap < 1600, "gap between updates " + gap + " ms");
      }
      JsonObject last = updates.get(updates.size() - 1).json();
      assertEquals("S1", last.getJsonArray("students").getJsonObject(0).getString("id"));

      // A session this server holds no copy of cannot be served without Redis.
      try (WsClient unknown =
          WsClient.connect(server.ws("ws/teacher?sessionId=ELSEWHERE"), server.cookieHeader())) {
        assertEquals(1011, unknown.awaitCloseCode(WAIT), "a session only Redis could know");
      }

      OwnRedis.start(); // empty: no persistence
      awaitReady(server);
      try (RedisClient redis =
          RedisClient.create("127.0.0.1", Integer.parseInt(System.getProperty("redis.it.port")))) {
        awaitWritten(redis, sessionId, alertId);
        assertEquals("Store outage", redis.hget("smartsession:{" + sessionId + "}:info", "name"));
        assertTrue(redis.sismember("smartsession:{" + sessionId + "}:students", "S1"));
      }
      String alerts = server.get("api/v1/sessions/" + sessionId + "/alerts").body();
      assertTrue(alerts.contains(alertId), "the alert, from Redis again: " + alerts);

      // And the session goes on in Redis.
      pupil.send(Frames.videoFrame(sessionId, "S1", clock += 500, one));
      pupil.next("FEEDBACK", WAIT);
      teacher.next("SESSION_UPDATE", WAIT);
    }
  }

  private static void awaitReady(Server server) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (server.get("/health/ready").statusCode() != 200) {
      assertTrue(System.nanoTime() < deadline, "ready again once Redis answers");
      Thread.sleep(200);
    }
  }

  private static void awaitWritten(RedisClient redis, String sessionId, String alertId)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!redis.sismember("smartsession:{" + sessionId + "}:alert-ids", alertId)) {
      assertTrue(System.nanoTime() < deadline, "the outage's alert written to Redis");
      Thread.sleep(200);
    }
  }
}
