package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * A session's life on a real Payara Micro: scheduled, started early, ended while a student sends
 * frames and a teacher watches. The end reaches both sockets, the student's is closed, and nothing
 * joins or connects again; the session stays readable.
 */
@ExtendWith({EmbeddedRedis.class, ArquillianExtension.class})
@RunAsClient
class SessionLifeCycleIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int NORMAL_CLOSURE = 1000;
  private static final int VIOLATED_POLICY = 1008;

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;

  private Server server;

  @BeforeEach
  void signIn() throws Exception {
    server = new Server(deployed);
    server.createSession("Sign-in", "CLASS");
  }

  private JsonObject created(String opensAt) throws Exception {
    HttpResponse<String> r = create(opensAt);
    assertEquals(201, r.statusCode(), r.body());
    return Server.json(r.body());
  }

  private HttpResponse<String> create(String opensAt) throws Exception {
    return server.post(
        "api/v1/sessions",
        Json.createObjectBuilder()
            .add("name", "Life cycle")
            .add("kind", "EXAM")
            .add("opensAt", opensAt)
            .build()
            .toString());
  }

  private JsonObject session(String sessionId) throws Exception {
    HttpResponse<String> r = server.get("api/v1/sessions/" + sessionId);
    assertEquals(200, r.statusCode(), r.body());
    return Server.json(r.body());
  }

  private JsonObject posted(String path) throws Exception {
    HttpResponse<String> r = server.post(path, "");
    assertEquals(200, r.statusCode(), r.body());
    return Server.json(r.body());
  }

  private static String errorOf(HttpResponse<String> r) {
    return Server.json(r.body()).getString("error");
  }

  @Test
  void aScheduledSessionTakesStudentsOnlyOnceItOpens() throws Exception {
    Instant inAnHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    JsonObject scheduled = created(inAnHour.toString());
    String id = scheduled.getString("sessionId");
    assertEquals("SCHEDULED", scheduled.getString("phase"));
    assertEquals(inAnHour.toEpochMilli(), scheduled.getJsonNumber("opensAt").longValue());

    HttpResponse<String> early = server.joining(id, "S1", "Ada", null);
    assertEquals(409, early.statusCode(), early.body());
    assertEquals("SESSION_NOT_OPEN", errorOf(early));
    String opens =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC)
            .format(inAnHour);
    assertEquals(
        "This session opens at " + opens + ".", Server.json(early.body()).getString("message"));
    HttpResponse<String> german = server.joining(id, "S1", "Ada", null, "de-DE,de;q=0.9,en;q=0.5");
    assertEquals(
        "Diese Sitzung beginnt am " + opens + ".", Server.json(german.body()).getString("message"));

    assertEquals("OPEN", posted("api/v1/sessions/" + id + "/start").getString("phase"));
    assertEquals(200, server.joining(id, "S1", "Ada", null).statusCode());
  }

  @Test
  void aScheduleIsAnInstantWithinTheTimeTheDataIsKept() throws Exception {
    HttpResponse<String> local = create("2030-01-01T09:00");
    assertEquals(400, local.statusCode(), local.body());
    assertTrue(local.body().contains("ISO-8601"), local.body());

    HttpResponse<String> tooFar = create(Instant.now().plus(Duration.ofDays(30)).toString());
    assertEquals(400, tooFar.statusCode(), tooFar.body());
    assertTrue(tooFar.body().contains("scheduled at most"), tooFar.body());

    // A time already past opens the session at once.
    assertEquals("OPEN", created("2020-01-01T09:00:00+01:00").getString("phase"));
  }

  @Test
  void aSessionKeepsItsDataForTheRetentionItWasCreatedWith() throws Exception {
    assertEquals(24, created(Instant.now().toString()).getInt("retentionHours"), "the default");
    String body = "{\"name\":\"Kept a week\",\"kind\":\"EXAM\",\"retentionHours\":168}";
    HttpResponse<String> week = server.post("api/v1/sessions", body);
    assertEquals(201, week.statusCode(), week.body());
    String id = Server.json(week.body()).getString("sessionId");
    assertEquals(168, session(id).getInt("retentionHours"));
    server.join(id, "S1", "Ada");
    if (Boolean.getBoolean("smartsession.it.redis")) {
      try (RedisClient redis =
          RedisClient.create("127.0.0.1", Integer.parseInt(System.getProperty("redis.it.port")))) {
        for (String key : redis.keys("smartsession:{" + id + "}:*")) {
          long ttl = redis.ttl(key);
          assertTrue(ttl > Duration.ofDays(6).toSeconds(), key + " expires in " + ttl + " s");
        }
      }
    }
    // Two days ahead: further than the deployment's day allows, within the session's week.
    String later = Instant.now().plus(Duration.ofDays(2)).toString();
    HttpResponse<String> scheduled =
        server.post(
            "api/v1/sessions",
            "{\"name\":\"Later\",\"retentionHours\":168,\"opensAt\":\"" + later + "\"}");
    assertEquals(201, scheduled.statusCode(), scheduled.body());
    for (String wrong : List.of("0", "169", "-5")) {
      HttpResponse<String> r =
          server.post("api/v1/sessions", "{\"name\":\"x\",\"retentionHours\":" + wrong + "}");
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(r.body().contains("retentionHours"), r.body());
    }
  }

  @Test
  void endingTellsTheStudentAndTeacherClosesTheStudentAndIsFinal() throws Exception {
    String id = created(Instant.now().toString()).getString("sessionId");
    URI studentSocket = server.join(id, "S1", "Ada");
    try (WsClient teacher = server.teacherSocket(id);
        WsClient student = WsClient.connect(studentSocket)) {
      student.send(Frames.videoFrame(id, "S1", System.currentTimeMillis(), Frames.sceneDataUrl()));
      student.next("FEEDBACK", WAIT);
      teacher.next("SESSION_UPDATE", WAIT);

      // A teacher's socket cannot end it: that goes through the API, which records who did.
      teacher.send("{\"type\":\"COMMAND\",\"command\":\"END_SESSION\"}");
      assertEquals("UNEXPECTED_TYPE", teacher.next("ERROR", WAIT).getString("code"));

      JsonObject ended = posted("api/v1/sessions/" + id + "/end");
      assertEquals("ENDED", ended.getString("phase"));
      long endedAt = ended.getJsonNumber("endedAt").longValue();

      JsonObject told = student.next("COMMAND", WAIT);
      assertEquals("END_SESSION", told.getString("command"));
      WsClient.Closed closed = student.awaitClose(WAIT);
      assertEquals(NORMAL_CLOSURE, closed.code(), closed.reason());
      assertEquals(
          "END_SESSION",
          teacher
              .next(m -> "COMMAND".equals(m.getString("type", null)), WAIT, "COMMAND")
              .getString("command"));

      // Ending again changes nothing.
      assertEquals(
          endedAt, posted("api/v1/sessions/" + id + "/end").getJsonNumber("endedAt").longValue());
      assertEquals("ENDED", posted("api/v1/sessions/" + id + "/start").getString("phase"));
    }

    // Nobody joins, resumes or connects again.
    HttpResponse<String> rejoin = server.joining(id, "S2", "Grace", null);
    assertEquals(409, rejoin.statusCode(), rejoin.body());
    assertEquals("SESSION_ENDED", errorOf(rejoin));
    try (WsClient again = WsClient.connect(studentSocket)) {
      WsClient.Closed refused = again.awaitClose(WAIT);
      assertEquals(VIOLATED_POLICY, refused.code());
      assertTrue(refused.reason().contains("ended"), refused.reason());
    }

    // It stays readable for review, and the audit log says who ended it.
    assertEquals("ENDED", session(id).getString("phase"));
    assertEquals(200, server.get("api/v1/sessions/" + id + "/alerts").statusCode());
    assertEquals(200, server.get("api/v1/sessions/" + id + "/students/S1/history").statusCode());
    HttpResponse<String> audit = server.get("api/v1/sessions/" + id + "/audit");
    assertEquals(200, audit.statusCode(), audit.body());
    assertTrue(audit.body().contains("SESSION_ENDED"), audit.body());
    List<String> listed =
        Json.createReader(new java.io.StringReader(server.get("api/v1/sessions").body()))
            .readArray()
            .stream()
            .map(v -> v.asJsonObject())
            .filter(s -> id.equals(s.getString("sessionId")))
            .map(s -> s.getString("phase"))
            .toList();
    assertEquals(List.of("ENDED"), listed);
  }
}
