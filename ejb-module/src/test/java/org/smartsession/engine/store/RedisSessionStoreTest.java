package org.smartsession.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.model.session.SessionStore;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/** The store contract against a real Redis server, started here on a free loopback port. */
class RedisSessionStoreTest extends SessionStoreContract {
  private static RedisServer server;
  private static int port;
  private static RedisClient client;

  @BeforeAll
  static void startRedis() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
    server.start();
    client = RedisClient.create("127.0.0.1", port);
  }

  @AfterAll
  static void stopRedis() throws IOException {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Override
  protected SessionStore newStore(Clock clock) {
    return new RedisSessionStore(client, new StoreLimits(Duration.ofHours(1), 1000, 5), clock);
  }

  @Test
  void everyKeyOfASessionExpires() {
    store.addStudent(sessionId, "S1", "Ada");
    store.addTeacher(sessionId, "ada");
    for (String key : client.keys("smartsession:{" + sessionId + "}:*")) {
      long ttl = client.ttl(key);
      assertTrue(ttl > 3500 && ttl <= 3600, key + " ttl " + ttl);
    }
    assertEquals(4, client.keys("smartsession:{" + sessionId + "}:*").size());
  }
}
