package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Payara Micro with a root directory that lasts, started, stopped and started again the way the
 * README says: deployed once at the first start, and at the next start from that directory alone
 * (passing {@code --deploy} again would deploy a second copy, which cannot load the native
 * libraries). The second start also logs as JSON lines with the file kept in {@code
 * src-docker/payara-micro/}: a student's join is one line with its ids as fields, and neither a
 * frame nor a token is in the log.
 */
class RestartIT {
  private static final Duration START = Duration.ofSeconds(240);
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void startedAgainFromItsRootDirectoryTheApplicationIsDeployedOnceAndServes() throws Exception {
    Path root = Path.of("target", "restart", "root");
    Directories.delete(root);
    String war = System.getProperty("smartsession.war", "target/smartsession.war");
    int port = MicroProcess.freePort();

    try (MicroProcess first =
        MicroProcess.start(
            port,
            Path.of("target", "restart", "first.log"),
            List.of("--rootdir", root.toString(), "--deploy", war, "--contextroot", "/"))) {
      assertEquals(200, first.awaitReadiness(START).statusCode(), first.tail());
    }

    Path jsonLogging = Path.of("..", "src-docker", "payara-micro", "json-logging.properties");
    try (MicroProcess again =
        MicroProcess.start(
            port,
            Path.of("target", "restart", "again.log"),
            List.of("--rootdir", root.toString(), "--logproperties", jsonLogging.toString()))) {
      var ready = again.awaitReadiness(START);
      assertEquals(200, ready.statusCode(), ready.body() + "\n" + again.tail());
      assertTrue(ready.body().contains("\"loaded\""), "models loaded: " + ready.body());

      Server server = new Server(again.url());
      String sessionId = server.createSession("After a restart", "CLASS");
      URI socket = server.join(sessionId, "S1", "Ada");
      try (WsClient student = WsClient.connect(socket)) {
        student.send(
            Frames.videoFrame(
                sessionId, "S1", System.currentTimeMillis(), Frames.dataUrl(Frames.oneFace())));
        assertTrue(student.next("FEEDBACK", WAIT).containsKey("status"));
      }

      String output = again.output();
      String tail = again.tail();
      JsonObject joined =
          output
              .lines()
              .filter(line -> line.startsWith("{") && line.contains("Student joined"))
              .map(line -> Json.createReader(new StringReader(line)).readObject())
              .filter(line -> sessionId.equals(line.getString("sessionId", null)))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no JSON line for the join:\n" + tail));
      assertEquals("S1", joined.getString("studentId"));
      assertEquals("org.smartsession.events", joined.getString("LoggerName"));
      assertFalse(output.contains("base64,"), "no frame data in the log");
      String token = socket.getQuery().replaceAll(".*token=([^&]+).*", "$1");
      assertFalse(output.contains(token), "no token in the log");
    }
  }
}
