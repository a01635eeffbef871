package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartsession.it.browser.OpenIdProvider;

/**
 * The build's EAR on a full application server, as a university runs it: the pages, readiness, the
 * REST API's description, a student's real frames analysed into feedback, the teacher's one-second
 * summary and the MULTIPLE_FACES alert with its screenshot, signing in with the development
 * sign-in, the scheme and the client's address taken from a proxy's headers, and last, on the same
 * server restarted with a provider configured, a teacher signing in through OpenID Connect's
 * authorization code flow. Each server's class says what differs: where readiness lives and what it
 * lists, and metrics.
 */
@ExtendWith(OpenIdProvider.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AppServerSmoke {
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final long STEP_MS = 500;

  /** The server the subclass started, with the EAR deployed. */
  abstract AppServer server();

  /** Asserts that the readiness checks (by name) say the face models are loaded. */
  abstract void assertFaceModelsLoaded(Map<String, JsonObject> readiness) throws Exception;

  /** Asserts what this server offers of the application's metrics once a frame was analysed. */
  abstract void assertMetrics() throws Exception;

  @Test
  @Order(1)
  void theEarDeploysWithoutAnError() throws Exception {
    assertEquals(List.of(), server().errorsLogged(), "errors in " + server().log());
  }

  @Test
  @Order(2)
  void thePagesAreServedAndTheDashboardAsksToSignIn() throws Exception {
    Server web = new Server(server().url());
    HttpResponse<String> start = web.getPage("");
    assertEquals(200, start.statusCode(), start.body());
    HttpResponse<String> student = web.getPage("student/?session=S-ANY");
    assertEquals(200, student.statusCode(), student.body());
    assertTrue(student.body().contains(">Join a session · SmartSession</title>"), student.body());

    HttpResponse<String> dashboard = web.getPage("teacher/");
    assertEquals(302, dashboard.statusCode(), dashboard.body());
    String location = dashboard.headers().firstValue("Location").orElseThrow();
    assertTrue(location.contains("/sign-in/?returnTo="), location);
    assertEquals(302, web.signIn("ada", "teacher").statusCode());
    HttpResponse<String> signedIn = web.getPage("teacher/");
    assertEquals(200, signedIn.statusCode(), signedIn.body());
    assertTrue(signedIn.body().contains("<html"), signedIn.body());
  }

  @Test
  @Order(3)
  void readyWithTheFaceModelsLoaded() throws Exception {
    AppServer.Answer r = AppServer.get(server().readiness());
    assertEquals(200, r.status(), r.body());
    JsonObject health = Server.json(r.body());
    assertEquals("UP", health.getString("status"), r.body());
    assertFaceModelsLoaded(
        health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(c -> c.getString("name"), c -> c, (a, b) -> a)));

    // The application's own checks on its HTTP port, whatever the server's health lists.
    HttpResponse<String> own = new Server(server().url()).get("api/v1/ready");
    assertEquals(200, own.statusCode(), own.body());
    JsonObject ready = Server.json(own.body());
    assertEquals("UP", ready.getString("status"), own.body());
    assertEquals(
        Map.of("face-models", "UP", "session-store", "UP"),
        ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status"))));
  }

  @Test
  @Order(4)
  void theServerDescribesTheRestApi() throws Exception {
    HttpResponse<String> r = new Server(server().url()).get("openapi");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("title: SmartSession"), r.body());
    assertTrue(r.body().contains("/sessions/{sessionId}/students"), r.body());
  }

  @Test
  @Order(5)
  void studentsFramesGiveFeedbackTheTeacherTheSummaryAndAnAlertWithItsScreenshot()
      throws Exception {
    Server web = new Server(server().url());
    String sessionId = web.createSession("Exam on " + server().name(), "EXAM");
    String twoPeople = Frames.dataUrl(Frames.twoFaces());
    try (WsClient teacher = web.teacherSocket(sessionId);
        WsClient student = WsClient.connect(web.join(sessionId, "S1", "Ada"))) {
      teacher.next("SESSION_UPDATE", WAIT);
      long clock = System.currentTimeMillis() - 4_000;
      for (int i = 0; i < 6; i++) {
        clock += STEP_MS;
        student.send(Frames.videoFrame(sessionId, "S1", clock, twoPeople));
        JsonObject feedback = student.next("FEEDBACK", WAIT);
        assertNotEquals("ANALYSIS_UNAVAILABLE", feedback.getString("status"), feedback::toString);
        assertFalse(feedback.getString("message").isBlank(), feedback::toString);
      }
      JsonObject alert =
          teacher.next(
              m ->
                  "CRITICAL_ALERT".equals(m.getString("type"))
                      && "MULTIPLE_FACES".equals(m.getString("alertType")),
              WAIT,
              "a MULTIPLE_FACES alert");
      assertEquals("S1", alert.getString("studentId"));
      assertTrue(alert.getString("screenshot").startsWith("data:image/jpeg;base64,"));

      // The timer's summary, about once a second, saying what the frames showed.
      List<WsClient.Received> updates = teacher.collect("SESSION_UPDATE", Duration.ofMillis(3500));
      assertTrue(updates.size() >= 2 && updates.size() <= 5, "updates in 3.5 s: " + updates.size());
      for (int i = 1; i < updates.size(); i++) {
        long gap = updates.get(i).at() - updates.get(i - 1).at();
        assertTrue(gap > 500 && gap < 1600, "gap between updates " + gap + " ms");
      }
      JsonObject line =
          updates.get(updates.size() - 1).json().getJsonArray("students").getJsonObject(0);
      assertEquals("S1", line.getString("id"));
      assertEquals(2, line.getInt("faces"), line::toString);
    }
    assertMetrics();
  }

  @Test
  @Order(6)
  void theDevelopmentSignInDecidesWhoIsATeacher() throws Exception {
    Server anonymous = new Server(server().url());
    assertEquals(
        "DEVELOPMENT", Server.json(anonymous.get("api/v1/sign-in").body()).getString("mode"));
    HttpResponse<String> refused = anonymous.get("api/v1/sessions");
    assertEquals(401, refused.statusCode(), refused.body());
    assertEquals("UNAUTHENTICATED", Server.json(refused.body()).getString("error"));

    Server grace = new Server(server().url());
    grace.signIn("grace@uni.example", "teacher");
    String sessionId = grace.createSession("Grace's class", "CLASS");
    JsonObject me = Server.json(grace.get("api/v1/me").body());
    assertEquals("grace@uni.example", me.getString("login"));
    try (WsClient socket = anonymous.teacherSocket(sessionId)) {
      assertEquals(1008, socket.awaitCloseCode(WAIT));
    }
  }

  @Test
  @Order(7)
  void behindAProxyTheSchemeIsTakenFromXForwardedProto() throws Exception {
    URI languages = URI.create(server().url() + "api/v1/languages");
    // HTTP/1.1, as nginx talks to its upstreams: after an h2c upgrade WildFly 39 applies the
    // forwarded headers to the upgrading request only, not to later streams on that connection.
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> direct =
        client.send(
            HttpRequest.newBuilder(languages).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, direct.statusCode(), direct.body());
    assertFalse(direct.headers().firstValue("Strict-Transport-Security").isPresent(), "plain HTTP");
    HttpResponse<String> proxied =
        client.send(
            HttpRequest.newBuilder(languages).header("X-Forwarded-Proto", "https").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, proxied.statusCode(), proxied.body());
    assertTrue(
        proxied.headers().firstValue("Strict-Transport-Security").isPresent(),
        "a request the proxy received over TLS counts as secure: " + proxied.headers().map());
  }

  @Test
  @Order(8)
  void behindAProxyJoinLimitsCountEachClient() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // A join to an unknown session is answered 404 and counts all the same.
    for (int i = 0; i < AppServer.JOINS_PER_MINUTE; i++) {
      assertEquals(404, joinFrom(client, "203.0.113.10").statusCode());
    }
    HttpResponse<String> tooFast = joinFrom(client, "203.0.113.10");
    assertEquals(429, tooFast.statusCode(), tooFast.body());
    assertEquals(404, joinFrom(client, "203.0.113.11").statusCode(), "another client, same proxy");
    assertEquals(404, joinFrom(client, null).statusCode(), "the proxy's own requests");
  }

  private HttpResponse<String> joinFrom(HttpClient client, String forwardedFor) throws Exception {
    HttpRequest.Builder join =
        HttpRequest.newBuilder(
                URI.create(server().url() + "api/v1/sessions/S-NO-SUCH-SESSION/students"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"studentId\":\"S1\",\"name\":\"Ada\"}"));
    if (forwardedFor != null) {
      join.header("X-Forwarded-For", forwardedFor);
    }
    return client.send(join.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(100)
  void restartedWithAProviderTeachersSignInThroughTheAuthorizationCodeFlow() throws Exception {
    server().restart(AppServer.openIdOptions());
    URI base = URI.create(server().url().toString());
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    OpenIdProvider.nextSignIn("ada", "Ada Lovelace", List.of("teacher"));

    // As a browser: the dashboard sends to the provider, which sends back with a code.
    URI next = base.resolve("teacher/");
    List<String> visited = new ArrayList<>();
    HttpResponse<String> page = null;
    for (int hop = 0; hop < 10; hop++) {
      visited.add(next.toString());
      page =
          browser.send(
              HttpRequest.newBuilder(next).header("Accept", "text/html").GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (page.statusCode() / 100 != 3) {
        break;
      }
      next = next.resolve(page.headers().firstValue("Location").orElseThrow());
    }
    assertEquals(200, page.statusCode(), visited + "\n" + page.body());
    // Back where it started (Soteria validates the code there, so the URL still carries it).
    assertEquals("/teacher/", page.uri().getPath(), visited::toString);
    assertTrue(visited.stream().anyMatch(u -> u.contains("/school/authorize")), visited::toString);
    assertTrue(visited.stream().anyMatch(u -> u.contains("/auth/callback?")), visited::toString);

    HttpResponse<String> me =
        browser.send(
            HttpRequest.newBuilder(base.resolve("api/v1/me")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, me.statusCode(), me.body());
    assertEquals("ada", Server.json(me.body()).getString("login"));
    assertEquals("Ada Lovelace", Server.json(me.body()).getString("displayName"));
    HttpResponse<String> created =
        browser.send(
            HttpRequest.newBuilder(base.resolve("api/v1/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Signed in\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(List.of(), server().errorsLogged(), "errors in " + server().log());
  }
}
