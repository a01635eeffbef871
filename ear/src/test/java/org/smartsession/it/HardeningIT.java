package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a hostile client tries, against the real server: sockets opened from another site's page,
 * messages of megabytes in one frame, a flood of frames, a client clock wound back to replay
 * alerts; and the security headers of pages, API answers and errors.
 */
@ExtendWith({EmbeddedRedis.class, ArquillianExtension.class})
@RunAsClient
class HardeningIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " frame-ancestors 'none'; form-action 'self'";

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
    sessionId = server.createSession("Hardening", "EXAM");
  }

  // --- 1. the handshake's origin

  /** The handshake's HTTP status: 101 when upgraded. */
  private static int handshake(URI uri, String origin) throws Exception {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
    if (origin != null) {
      builder.header("Origin", origin);
    }
    try {
      builder.buildAsync(uri, new WebSocket.Listener() {}).get(30, TimeUnit.SECONDS).abort();
      return 101;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
  }

  @Test
  void pagesOfOtherSitesCannotOpenEitherSocket() throws Exception {
    URI student = server.join(sessionId, "S-ORIGIN", "Ada");
    URI teacher = server.ws("ws/teacher?sessionId=" + sessionId);
    String own = "http://" + student.getAuthority();
    for (URI socket : List.of(student, teacher)) {
      assertEquals(403, handshake(socket, "https://evil.example"), socket.getPath());
      assertEquals(403, handshake(socket, "http://evil.example:" + student.getPort()));
      assertEquals(403, handshake(socket, "https://" + student.getAuthority()), "other scheme");
      assertEquals(403, handshake(socket, "null"), "sandboxed page");
      assertEquals(101, handshake(socket, own), "the server's own pages");
      assertEquals(101, handshake(socket, null), "clients that are no browser page");
    }
  }

  // --- 2. security headers

  @Test
  void pagesApiAnswersAndErrorsCarryTheSecurityHeaders() throws Exception {
    for (String path :
        List.of(
            "",
            "student/",
            "teacher/",
            "js/dom.js",
            "vendor/qrcodejs/qrcode.min.js",
            "api/v1/sessions",
            "api/v1/sessions/NOPE",
            "no-such-page")) {
      HttpResponse<String> r = server.get(path);
      String what = "/" + path + " (" + r.statusCode() + ")";
      assertEquals(CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), what);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
      assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), what);
      assertEquals(
          "camera=(self), microphone=(), geolocation=()",
          r.headers().firstValue("Permissions-Policy").orElse(null),
          what);
      assertFalse(r.headers().firstValue("Strict-Transport-Security").isPresent(), "plain HTTP");
    }
    assertEquals(404, server.get("api/v1/sessions/NOPE").statusCode());
    assertEquals(404, server.get("no-such-page").statusCode());
  }

  // --- 3. message size

  private String frameOfMebibytes(String studentId, double mebibytes) {
    return Frames.videoFrame(
        sessionId,
        studentId,
        System.currentTimeMillis(),
        "data:image/jpeg;base64," + "A".repeat((int) (mebibytes * 1024 * 1024)));
  }

  @Test
  void aSingleFrameOverTheLimitClosesEitherSocketWithTooBig() throws Exception {
    URI student = server.join(sessionId, "S-BIG", "Barbara");
    URI teacher = server.ws("ws/teacher?sessionId=" + sessionId);
    for (URI socket : List.of(student, teacher)) {
      for (double mebibytes : new double[] {1.1, 2, 5}) {
        try (RawWebSocket client = new RawWebSocket(socket, server.cookieHeader())) {
          client.sendOneFrame(frameOfMebibytes("S-BIG", mebibytes));
          assertEquals(
              1009, client.awaitCloseCode(WAIT), mebibytes + " MiB on " + socket.getPath());
        }
      }
      // Just under the limit: read, answered, and the connection goes on.
      try (RawWebSocket client = new RawWebSocket(socket, server.cookieHeader())) {
        client.sendOneFrame(frameOfMebibytes("S-BIG", 0.99));
        String answer;
        do {
          answer = client.nextText(WAIT);
        } while (answer != null && !answer.contains("\"ERROR\""));
        assertTrue(answer != null, "an answer to 0.99 MiB on " + socket.getPath());
        assertFalse(client.isClosed(), "still open after 0.99 MiB");
      }
    }
  }

  @Test
  void aFragmentedMessageOverTheLimitClosesTheTeachersSocketToo() throws Exception {
    try (WsClient teacher = server.teacherSocket(sessionId)) {
      teacher.sendExpectingClose(frameOfMebibytes("S-ANY", 2));
      assertEquals(1009, teacher.awaitCloseCode(WAIT));
    }
  }

  // --- 4. frame rate

  @Test
  void aFloodOfFramesIsDroppedToldOnceThenClosedWhileOthersAreServed() throws Exception {
    String scene = Frames.sceneDataUrl();
    URI floodUri = server.join(sessionId, "S-FLOOD", "Flood");
    URI calmUri = server.join(sessionId, "S-CALM", "Calm");
    ExecutorService flooder = Executors.newSingleThreadExecutor();
    try (WsClient flood = WsClient.connect(floodUri);
        WsClient calm = WsClient.connect(calmUri)) {
      // About 100 frames a second, at most 20 s or 3000 frames, until the server closes.
      Future<Long> floodEnded =
          flooder.submit(
              () -> {
                long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                try {
                  for (int i = 0; i < 3000 && System.nanoTime() < end; i++) {
                    flood.send(
                        Frames.videoFrame(sessionId, "S-FLOOD", System.currentTimeMillis(), scene));
                    Thread.sleep(10);
                  }
                } catch (CompletionException closed) {
                  // the server closed the connection
                }
                return System.currentTimeMillis();
              });
      // While it floods, another student's frame is served as ever.
      Thread.sleep(3000);
      calm.send(Frames.videoFrame(sessionId, "S-CALM", System.currentTimeMillis(), scene));
      calm.next("FEEDBACK", Duration.ofSeconds(5));

      assertEquals(1008, flood.awaitCloseCode(WAIT));
      long ended = floodEnded.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      List<WsClient.Received> errors = flood.collect("ERROR", Duration.ofSeconds(1));
      assertEquals(
          List.of("RATE_LIMITED"),
          errors.stream().map(e -> e.json().getString("code")).toList(),
          "told once");
      long floodedFor = ended - errors.get(0).at();
      assertTrue(floodedFor >= 9_000 && floodedFor <= 16_000, "closed " + floodedFor + " ms after");
    } finally {
      flooder.shutdownNow();
    }
  }

  // --- 5. client clocks

  @Test
  void aRewoundClockCannotRaiseTheSameAlertAgain() throws Exception {
    BufferedImage black = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    String dark = Frames.dataUrl(Frames.jpeg(black));
    try (WsClient student = WsClient.connect(server.join(sessionId, "S-CLOCK", "Clock"))) {
      long base = System.currentTimeMillis();
      // 24 black frames, each a second later on the client's clock than the one before, and every
      // fourth wound back by two minutes: each run of four would be 3 s of a covered camera.
      for (int i = 0; i < 24; i++) {
        long timestamp = base + i * 1000L - (i / 4) * 120_000L;
        student.send(Frames.videoFrame(sessionId, "S-CLOCK", timestamp, dark));
        student.next("FEEDBACK", WAIT);
        Thread.sleep(250);
      }
    }
    long blocked =
        alerts().stream()
            .map(JsonObject.class::cast)
            .filter(a -> "S-CLOCK".equals(a.getString("studentId")))
            .filter(a -> "CAMERA_BLOCKED".equals(a.getString("alertType")))
            .count();
    // The first four frames, honest, are 3 s of a covered camera: one alert, and only one.
    assertEquals(1, blocked, "CAMERA_BLOCKED alerts: " + alerts());
  }

  @Test
  void aClockFarAheadIsBroughtBackToTheServersTime() throws Exception {
    try (WsClient student = WsClient.connect(server.join(sessionId, "S-AHEAD", "Ahead"))) {
      long sent = System.currentTimeMillis();
      student.send(
          Frames.videoFrame(sessionId, "S-AHEAD", sent + 3_600_000, Frames.sceneDataUrl()));
      student.next("FEEDBACK", WAIT);
    }
    long now = System.currentTimeMillis();
    String body = server.get("api/v1/sessions/" + sessionId + "/students/S-AHEAD/history").body();
    JsonArray history = Server.json("{\"h\":" + body + "}").getJsonArray("h");
    assertFalse(history.isEmpty(), body);
    for (JsonObject point : history.getValuesAs(JsonObject.class)) {
      long at = point.getJsonNumber("timestamp").longValue();
      assertTrue(at <= now + 10_000, "a point at " + (at - now) + " ms from now: " + body);
    }
  }

  // --- 6. the Host header

  @Test
  void aForgedHostIsNeverReflectedIntoTheLinksOfASession() throws Exception {
    // The JDK's HTTP client refuses to set Host: the request is written by hand.
    URI api = server.http("api/v1/sessions");
    String body = "{\"name\":\"Forged host\",\"kind\":\"EXAM\"}";
    String request =
        "POST "
            + api.getRawPath()
            + " HTTP/1.1\r\n"
            + "Host: evil.example\r\n"
            + "Cookie: "
            + server.cookieHeader()
            + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\n"
            + "Connection: close\r\n\r\n"
            + body;
    String answer;
    try (Socket socket = new Socket(api.getHost(), api.getPort())) {
      socket.setSoTimeout((int) WAIT.toMillis());
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
    // The body may come in chunks: look for the link in the raw answer.
    Matcher joinUrl = Pattern.compile("\"joinUrl\"\\s*:\\s*\"([^\"]*)\"").matcher(answer);
    assertTrue(joinUrl.find(), answer);
    assertTrue(joinUrl.group(1).startsWith("/"), joinUrl.group(1));
    assertFalse(answer.contains("evil.example"), answer);
  }

  private JsonArray alerts() throws Exception {
    String body = server.get("api/v1/sessions/" + sessionId + "/alerts").body();
    assertNull(Server.json("{\"a\":" + body + "}").get("error"));
    return Server.json("{\"a\":" + body + "}").getJsonArray("a");
  }
}
