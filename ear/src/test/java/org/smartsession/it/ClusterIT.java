package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Payara Micro servers sharing one real Redis act as one: a student connected to B, a teacher
 * on A and another on B. B analyses the student's frames and raises the MULTIPLE_FACES alert once;
 * the teacher on A gets it at once with its screenshot; the review made on B reaches A; a pause
 * sent from A reaches the student on B, and ending the session on A ends it on B; students crowding
 * B are asked for fewer frames, and the teacher on A is told that analysis is reduced. And through
 * Debian's nginx with the deployment's own configuration ({@code src-docker/nginx/}): a teacher and
 * a student reach the servers, sockets included, and the operators' paths are not served.
 */
@ExtendWith({EmbeddedRedis.class, ArquillianExtension.class})
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final long STEP_MS = 500;

  @Deployment(name = "a", testable = false)
  @TargetsContainer("cluster-a")
  static WebArchive onA() {
    return atRoot();
  }

  @Deployment(name = "b", testable = false)
  @TargetsContainer("cluster-b")
  static WebArchive onB() {
    return atRoot();
  }

  /** At the root context, as the nginx configuration's paths expect. */
  private static WebArchive atRoot() {
    return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(Server.application());
  }

  @ArquillianResource
  @OperateOnDeployment("a")
  URL a;

  @ArquillianResource
  @OperateOnDeployment("b")
  URL b;

  @Test
  @Order(1)
  void alertsReviewsAndCommandsReachEveryServer() throws Exception {
    Server serverA = new Server(a);
    Server serverB = new Server(b);
    assertTrue(a.getPort() != b.getPort(), "two servers");
    String sessionId = serverA.createSession("Exam on two servers", "EXAM");
    serverB.signIn("teacher", "teacher");
    String two = Frames.dataUrl(Frames.twoFaces());
    try (WsClient teacherA = serverA.teacherSocket(sessionId);
        WsClient teacherB = serverB.teacherSocket(sessionId);
        WsClient student = WsClient.connect(serverB.join(sessionId, "S1", "Ada"))) {
      teacherA.next("SESSION_UPDATE", WAIT);
      teacherB.next("SESSION_UPDATE", WAIT);

      // B analyses the frames; the alert reaches the teacher on A, screenshot included.
      long clock = System.currentTimeMillis() - 4_000;
      for (int i = 0; i < 6; i++) {
        clock += STEP_MS;
        student.send(Frames.videoFrame(sessionId, "S1", clock, two));
        student.next("FEEDBACK", WAIT);
      }
      JsonObject onA =
          teacherA.next(WsClient.criticalAlert("MULTIPLE_FACES"), WAIT, "MULTIPLE_FACES on A");
      JsonObject onB =
          teacherB.next(WsClient.criticalAlert("MULTIPLE_FACES"), WAIT, "MULTIPLE_FACES on B");
      assertEquals(onB.getString("alertId"), onA.getString("alertId"), "one alert");
      assertTrue(onA.getString("screenshot").startsWith("data:image/jpeg;base64,"));
      assertEquals(
          1,
          Server.json(
                  "{\"a\":" + serverA.get("api/v1/sessions/" + sessionId + "/alerts").body() + "}")
              .getJsonArray("a")
              .size(),
          "stored once");

      // Reviewed on B: the teacher on A sees it.
      teacherB.send(Frames.reviewed(onB.getString("alertId")));
      JsonObject reviewed = teacherA.next("ALERT_ACKNOWLEDGED", WAIT);
      assertEquals(onA.getString("alertId"), reviewed.getString("alertId"));
      assertEquals("REVIEWED", reviewed.getString("action"));

      // Paused from A: the student on B is told.
      teacherA.send("{\"type\":\"COMMAND\",\"command\":\"PAUSE_EXAM\",\"studentId\":\"S1\"}");
      assertEquals("PAUSE_EXAM", student.next("COMMAND", WAIT).getString("command"));

      // Ended on A: the student on B is told and disconnected, the teacher on B learns it, and
      // B takes nobody again.
      assertEquals(200, serverA.post("api/v1/sessions/" + sessionId + "/end", "").statusCode());
      assertEquals("END_SESSION", student.next("COMMAND", WAIT).getString("command"));
      assertEquals(1000, student.awaitCloseCode(WAIT));
      assertEquals(
          "END_SESSION",
          teacherB
              .next(m -> "COMMAND".equals(m.getString("type", null)), WAIT, "COMMAND on B")
              .getString("command"));
      assertEquals(409, serverB.joining(sessionId, "S2", "Grace", null).statusCode());
    }
  }

  @Test
  @Order(2)
  void aTeacherOnAIsToldThatTheStudentsOnBAreAnalysedLess() throws Exception {
    Server serverA = new Server(a);
    Server serverB = new Server(b);
    String sessionId = serverA.createSession("Crowded exam on B", "EXAM");
    // About twice what B's two workers analyse; A has none of the session's students.
    try (WsClient teacherA = serverA.teacherSocket(sessionId);
        FrameFlood students = FrameFlood.start(serverB, sessionId, "F", 40, 8)) {
      long start = System.currentTimeMillis();
      assertEquals(1.0, students.student(0).next("RATE", WAIT).getJsonNumber("fps").doubleValue());
      JsonObject analysis =
          teacherA
              .next(
                  m -> "SESSION_UPDATE".equals(m.getString("type")) && m.containsKey("analysis"),
                  Duration.ofSeconds(5),
                  "a SESSION_UPDATE on A saying analysis is reduced")
              .getJsonObject("analysis");
      assertEquals(1.0, analysis.getJsonNumber("fps").doubleValue());
      long since = analysis.getJsonNumber("since").longValue();
      assertTrue(since >= start && since <= System.currentTimeMillis(), "since " + since);

      students.stop();
      students
          .student(0)
          .next(m -> "RATE".equals(m.getString("type")) && !m.containsKey("fps"), WAIT, "RATE");
      teacherA.next(
          m -> "SESSION_UPDATE".equals(m.getString("type")) && !m.containsKey("analysis"),
          Duration.ofSeconds(5),
          "a SESSION_UPDATE on A at the full rate");
    }
  }

  @Test
  @Order(3)
  void throughNginxTeachersAndStudentsReachTheServersAndOperatorsPathsDoNot() throws Exception {
    Assumptions.assumeTrue(Nginx.available(), "needs Debian's nginx (apt-get install nginx)");
    Path dir = Path.of("target", "nginx");
    String check = Nginx.test(Nginx.configure(dir.resolve("check"), List.of(a, b), 8099));
    assertTrue(check.startsWith("0 "), "nginx -t: " + check);
    try (Nginx nginx = Nginx.start(dir.resolve("run"), List.of(a, b))) {
      Server front = new Server(nginx.url());
      String sessionId = front.createSession("Through nginx", "CLASS");
      try (WsClient teacher = front.teacherSocket(sessionId);
          WsClient student = WsClient.connect(front.join(sessionId, "S1", "Ada"))) {
        teacher.next("SESSION_UPDATE", WAIT);
        student.send(
            Frames.videoFrame(sessionId, "S1", System.currentTimeMillis(), Frames.sceneDataUrl()));
        assertTrue(student.next("FEEDBACK", WAIT).containsKey("status"));
        JsonObject update =
            teacher.next(
                m ->
                    "SESSION_UPDATE".equals(m.getString("type"))
                        && !m.getJsonArray("students").isEmpty(),
                WAIT,
                "the student in the summary");
        assertEquals("S1", update.getJsonArray("students").getJsonObject(0).getString("id"));
      }
      assertEquals(404, front.get("/health/ready").statusCode(), "not for the public");
      assertEquals(200, new Server(a).get("/health/ready").statusCode(), "for the operators");
      assertEquals(404, front.get("api/v1/ready").statusCode(), "not for the public");
      assertEquals(200, new Server(a).get("api/v1/ready").statusCode(), "for the operators");
    }
  }

  /** Open student sockets of one server, from its metrics. */
  private static double studentSockets(URL server) throws Exception {
    return new Server(server)
        .get("/metrics")
        .body()
        .lines()
        .filter(l -> l.startsWith("smartsession_connections{") && l.contains("role=\"student\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }

  /** Kills the Payara Micro that serves on this port, as a crash would. */
  private static void kill(URL server) throws Exception {
    ProcessHandle process =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    p.info().commandLine().orElse("").contains("payara-micro")
                        && p.info().commandLine().orElse("").contains("--port " + server.getPort()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Payara Micro on port " + server.getPort()));
    process.destroyForcibly();
    process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Test
  @Order(4)
  void whenAServerDiesItsStudentsGoOnThroughNginxOnTheOtherWithTheirHistory() throws Exception {
    Assumptions.assumeTrue(Nginx.available(), "needs Debian's nginx (apt-get install nginx)");
    try (Nginx nginx = Nginx.start(Path.of("target", "nginx", "failover"), List.of(a, b))) {
      Server front = new Server(nginx.url());
      String sessionId = front.createSession("A server dies", "CLASS");
      double beforeA = studentSockets(a);
      JsonObject joined = front.joined(sessionId, "S1", "Ada", null);
      long clock = System.currentTimeMillis() - 4_000;
      try (WsClient student = WsClient.connect(front.ws(joined.getString("webSocketPath")))) {
        for (int i = 0; i < 6; i++) {
          clock += STEP_MS;
          student.send(Frames.videoFrame(sessionId, "S1", clock, Frames.sceneDataUrl()));
          student.next("FEEDBACK", WAIT);
        }
        URL host = studentSockets(a) > beforeA ? a : b;
        URL survivor = host == a ? b : a;
        kill(host);
        try {
          student.awaitClose(WAIT); // nginx closes it, or it breaks: either way it ends
        } catch (java.util.concurrent.ExecutionException broken) {
          // ended with an error, as a page sees a dead server
        }

        // As the page does: rejoin with its token, then reconnect, through nginx.
        long died = System.currentTimeMillis();
        JsonObject again = front.joined(sessionId, "S1", "Ada", joined.getString("token"));
        try (WsClient back = WsClient.connect(front.ws(again.getString("webSocketPath")))) {
          back.send(
              Frames.videoFrame(
                  sessionId, "S1", System.currentTimeMillis(), Frames.sceneDataUrl()));
          assertTrue(back.next("FEEDBACK", WAIT).containsKey("status"));
        }
        long tookMs = System.currentTimeMillis() - died;
        System.out.println(
            "failover: a student of the killed server got feedback again after "
                + tookMs
                + " ms (rejoin and reconnect through nginx)");
        assertTrue(tookMs < 10_000, "back within " + tookMs + " ms");
        Server watcher = new Server(survivor);
        watcher.signIn("teacher", "teacher");
        String history =
            watcher.get("api/v1/sessions/" + sessionId + "/students/S1/history").body();
        assertTrue(history.split("\"timestamp\"").length > 3, "history kept: " + history);
      }
    }
  }
}
