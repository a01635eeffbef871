package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator reads from a running Payara Micro: MicroProfile Health (started and ready with
 * the face models loaded and the store answering, live with the frame workers) and the REST API
 * described by MicroProfile OpenAPI.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;

  /** The checks of a health endpoint, by name, with their status. */
  private static Map<String, String> checks(Server server, String path) throws Exception {
    HttpResponse<String> r = server.get(path);
    JsonObject health = Server.json(r.body());
    assertEquals("UP", health.getString("status"), r.body());
    assertEquals(200, r.statusCode(), r.body());
    Map<String, String> checks =
        health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    checks.put("(answer)", r.body());
    return checks;
  }

  @Test
  void healthSaysStartedReadyAndLive() throws Exception {
    Server server = new Server(deployed);
    Map<String, String> started = checks(server, "/health/started");
    assertEquals("UP", started.get("face-models"), started.toString());
    Map<String, String> ready = checks(server, "/health/ready");
    assertEquals("UP", ready.get("face-models"), ready.toString());
    assertEquals("UP", ready.get("session-store"), ready.toString());
    Map<String, String> live = checks(server, "/health/live");
    assertEquals("UP", live.get("frame-workers"), live.toString());

    // The same readiness on the application's own path, names and states only.
    Map<String, String> own = checks(server, "api/v1/ready");
    assertEquals("UP", own.get("face-models"), own.toString());
    assertEquals("UP", own.get("session-store"), own.toString());
    assertEquals(3, own.size(), own.toString());
    assertFalse(own.get("(answer)").contains("data"), own.toString());
    String cache = server.get("api/v1/ready").headers().firstValue("Cache-Control").orElse("");
    assertTrue(cache.contains("no-store"), cache);
  }

  @Test
  void theServerDescribesTheRestApi() throws Exception {
    Server server = new Server(deployed);
    HttpResponse<String> r = server.get("/openapi");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("title: SmartSession"), r.body());
    assertTrue(r.body().contains("/sessions/{sessionId}/students"), r.body());
  }

  /** The value of the first Prometheus line of that metric with all those labels. */
  private static double metric(String text, String name, String... labels) {
    return text.lines()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
        .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in\n" + text));
  }

  @Test
  void metricsCountFramesConnectionsAndTheirTimes() throws Exception {
    Server server = new Server(deployed);
    String sessionId = server.createSession("Metrics", "CLASS");
    try (WsClient student = WsClient.connect(server.join(sessionId, "S1", "Ada"))) {
      student.send(
          Frames.videoFrame(sessionId, "S1", System.currentTimeMillis(), Frames.sceneDataUrl()));
      student.next("FEEDBACK", Duration.ofSeconds(30));
      String text = server.get("/metrics").body();
      assertTrue(metric(text, "smartsession_frames_processed") >= 1, text);
      assertTrue(metric(text, "smartsession_frames_offered") >= 1, text);
      for (String reason : List.of("replaced", "stale", "refused", "left")) {
        assertTrue(
            metric(text, "smartsession_frames_dropped", "reason=\"" + reason + "\"") >= 0, text);
      }
      assertEquals(1, metric(text, "smartsession_redis_reachable"), "memory: always");
      assertEquals(1, metric(text, "smartsession_connections", "role=\"student\""), text);
      assertTrue(metric(text, "smartsession_frame_analysis_seconds_count") >= 1, text);
      assertTrue(metric(text, "smartsession_students") >= 1, text);
    }
  }
}
