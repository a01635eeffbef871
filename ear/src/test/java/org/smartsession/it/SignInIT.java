package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
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
 * Who may do what, through the development sign-in the quick start uses: nobody anonymous, a
 * teacher only their own sessions and those they were added to, an admin everything; every refusal
 * as the documented JSON error, or close code 1008 on the teacher's socket.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;

  private Server ada;
  private Server grace;
  private String sessionId;

  @BeforeEach
  void twoTeachers() throws Exception {
    ada = new Server(deployed);
    ada.signIn("ada", "teacher");
    grace = new Server(deployed);
    grace.signIn("grace@uni.example", "teacher");
    sessionId = ada.createSession("Ada's exam", "EXAM");
  }

  private static void assertRefused(HttpResponse<String> r, int status, String error) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(error, Server.json(r.body()).getString("error"), r.body());
  }

  private static List<String> sessionIds(Server server) throws Exception {
    HttpResponse<String> r = server.get("api/v1/sessions");
    assertEquals(200, r.statusCode(), r.body());
    JsonArray list = Json.createReader(new StringReader(r.body())).readArray();
    return list.stream().map(v -> v.asJsonObject().getString("sessionId")).toList();
  }

  @Test
  void nobodyAnonymousReachesTeachersThings() throws Exception {
    Server anonymous = new Server(deployed);
    assertRefused(anonymous.get("api/v1/sessions"), 401, "UNAUTHENTICATED");
    assertRefused(anonymous.post("api/v1/sessions", "{\"name\":\"Mine\"}"), 401, "UNAUTHENTICATED");
    assertRefused(anonymous.get("api/v1/sessions/" + sessionId), 401, "UNAUTHENTICATED");
    assertRefused(
        anonymous.get("api/v1/sessions/" + sessionId + "/alerts"), 401, "UNAUTHENTICATED");
    assertRefused(anonymous.get("api/v1/me"), 401, "UNAUTHENTICATED");
    for (String action : List.of("/start", "/end")) {
      assertRefused(
          anonymous.post("api/v1/sessions/" + sessionId + action, ""), 401, "UNAUTHENTICATED");
    }
    assertRefused(anonymous.delete("api/v1/sessions/" + sessionId), 401, "UNAUTHENTICATED");
    assertRefused(
        anonymous.delete("api/v1/sessions/" + sessionId + "/students/S1"), 401, "UNAUTHENTICATED");
    for (String review :
        List.of("/report", "/exports/report.pdf", "/students/S1/timeline", "/notes")) {
      assertRefused(anonymous.get("api/v1/sessions/" + sessionId + review), 401, "UNAUTHENTICATED");
    }
    assertRefused(
        anonymous.post(
            "api/v1/sessions/" + sessionId + "/notes", "{\"studentId\":\"S1\",\"text\":\"x\"}"),
        401,
        "UNAUTHENTICATED");
    try (WsClient socket = anonymous.teacherSocket(sessionId)) {
      assertEquals(1008, socket.awaitCloseCode(WAIT));
    }
    assertEquals(
        "DEVELOPMENT", Server.json(anonymous.get("api/v1/sign-in").body()).getString("mode"));
  }

  @Test
  void theDashboardSendsAnonymousVisitorsToSignIn() throws Exception {
    for (String page :
        List.of(
            "teacher/?session=" + sessionId,
            "teacher/report.html?session=" + sessionId,
            "teacher/student.html?session=" + sessionId + "&student=S1")) {
      HttpResponse<String> r = new Server(deployed).getPage(page);
      assertEquals(302, r.statusCode(), page + ": " + r.body());
      String location = r.headers().firstValue("Location").orElseThrow();
      assertTrue(location.contains("/sign-in/?returnTo="), location);
      assertTrue(location.contains("teacher"), location);
    }
  }

  @Test
  void aSignInReturnsOnlyToThisApplication() throws Exception {
    Server visitor = new Server(deployed);
    HttpResponse<String> r = visitor.signIn("eve", "teacher", "https://evil.example/");
    assertEquals(302, r.statusCode(), r.body());
    String location = r.headers().firstValue("Location").orElseThrow();
    assertTrue(Server.path(location).endsWith("/teacher/"), location);
    assertFalse(location.contains("evil"), location);
    assertRefused(visitor.signIn("eve", "root"), 400, "BAD_REQUEST");
    assertRefused(visitor.signIn("<script>", "teacher"), 400, "BAD_REQUEST");
  }

  @Test
  void aTeacherSeesOnlyTheirOwnSessions() throws Exception {
    String graces = grace.createSession("Grace's class", "CLASS");
    assertTrue(sessionIds(ada).contains(sessionId));
    assertFalse(sessionIds(ada).contains(graces));
    assertFalse(sessionIds(grace).contains(sessionId));
    JsonObject me = Server.json(ada.get("api/v1/me").body());
    assertEquals("ada", me.getString("login"));
    assertFalse(me.getBoolean("admin"));
  }

  @Test
  void anotherTeachersSessionIsRefusedEverywhere() throws Exception {
    String base = "api/v1/sessions/" + sessionId;
    assertRefused(grace.get(base), 403, "FORBIDDEN");
    assertRefused(grace.get(base + "/alerts"), 403, "FORBIDDEN");
    assertRefused(grace.get(base + "/students/S1/history"), 403, "FORBIDDEN");
    assertRefused(grace.get(base + "/teachers"), 403, "FORBIDDEN");
    assertRefused(grace.get(base + "/audit"), 403, "FORBIDDEN");
    assertRefused(grace.get(base + "/notes"), 403, "FORBIDDEN");
    assertRefused(grace.post(base + "/end", ""), 403, "FORBIDDEN");
    assertRefused(grace.delete(base), 403, "FORBIDDEN");
    assertRefused(grace.delete(base + "/students/S1"), 403, "FORBIDDEN");
    assertRefused(
        grace.post(base + "/teachers", "{\"teacher\":\"grace@uni.example\"}"), 403, "FORBIDDEN");
    try (WsClient socket = grace.teacherSocket(sessionId)) {
      assertEquals(1008, socket.awaitCloseCode(WAIT));
    }
  }

  @Test
  void aCoTeacherAddedByEmailMayWatchUntilRemoved() throws Exception {
    String base = "api/v1/sessions/" + sessionId;
    HttpResponse<String> added =
        ada.post(base + "/teachers", "{\"teacher\":\"Grace@Uni.Example\"}");
    assertEquals(200, added.statusCode(), added.body());
    JsonArray coTeachers = Server.json(added.body()).getJsonArray("coTeachers");
    assertEquals(1, coTeachers.size());
    assertEquals("grace@uni.example", coTeachers.getString(0));

    assertTrue(sessionIds(grace).contains(sessionId));
    assertEquals(200, grace.get(base).statusCode());
    try (WsClient socket = grace.teacherSocket(sessionId)) {
      socket.next("SESSION_UPDATE", WAIT);
      // A co-teacher cannot change who teaches.
      assertRefused(grace.post(base + "/teachers", "{\"teacher\":\"eve\"}"), 403, "FORBIDDEN");
      socket.send("{\"type\":\"COMMAND\",\"command\":\"PAUSE_EXAM\"}");
      Thread.sleep(500);
    }

    HttpResponse<String> removed = ada.delete(base + "/teachers/grace@uni.example");
    assertEquals(200, removed.statusCode(), removed.body());
    assertRefused(grace.get(base), 403, "FORBIDDEN");
    assertRefused(ada.delete(base + "/teachers/ada"), 403, "FORBIDDEN");

    JsonArray audit =
        Json.createReader(new StringReader(ada.get(base + "/audit").body())).readArray();
    List<String> entries =
        audit.stream()
            .map(JsonObject.class::cast)
            .map(e -> e.getString("teacher") + " " + e.getString("action"))
            .toList();
    assertEquals(
        List.of("ada CO_TEACHER_ADDED", "grace@uni.example COMMAND", "ada CO_TEACHER_REMOVED"),
        entries);
  }

  @Test
  void anAdminSeesEverySession() throws Exception {
    Server admin = new Server(deployed);
    admin.signIn("root", "admin");
    assertTrue(sessionIds(admin).contains(sessionId));
    assertEquals(200, admin.get("api/v1/sessions/" + sessionId).statusCode());
    try (WsClient socket = admin.teacherSocket(sessionId)) {
      socket.next("SESSION_UPDATE", WAIT);
    }
  }
}
