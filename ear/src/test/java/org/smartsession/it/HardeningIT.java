package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a hostile client tries, against the real server: sockets opened from another site's page.
 */
@ExtendWith({EmbeddedRedis.class, ArquillianExtension.class})
@RunAsClient
class HardeningIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

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
}
