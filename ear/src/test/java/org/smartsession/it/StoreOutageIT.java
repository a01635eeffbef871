package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import redis.embedded.RedisServer;

/**
 * Redis goes away while the application runs (the build's "redis-state" run): a socket that opens
 * then, and so cannot read its session, is closed at once with 1011 and says why, rather than left
 * open ignoring everything it gets.
 */
@EnabledIfSystemProperty(named = "smartsession.it.redis", matches = "true")
@ExtendWith({StoreOutageIT.OwnRedis.class, ArquillianExtension.class})
@RunAsClient
class StoreOutageIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** A Redis server of this class's own, which the test stops. */
  static final class OwnRedis implements BeforeAllCallback, AfterAllCallback {
    static RedisServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
      server =
          RedisServer.newRedisServer()
              .port(Integer.parseInt(System.getProperty("redis.it.port")))
              .bind("127.0.0.1")
              .setting("save \"\"")
              .build();
      server.start();
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
  void socketsOpenedWhileTheStoreIsDownAreClosedSayingSo() throws Exception {
    Server server = new Server(deployed);
    String sessionId = server.createSession("Store outage", "CLASS");
    URI student = server.join(sessionId, "S1", "Ada");
    URI teacher = server.ws("ws/teacher?sessionId=" + sessionId);

    assertEquals(200, server.get("/health/ready").statusCode(), "ready with Redis up");
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

    try (WsClient client = WsClient.connect(student)) {
      assertEquals(1011, client.awaitCloseCode(WAIT), "student");
    }
    try (WsClient client = WsClient.connect(teacher, server.cookieHeader())) {
      assertEquals(1011, client.awaitCloseCode(WAIT), "teacher");
    }
  }
}
