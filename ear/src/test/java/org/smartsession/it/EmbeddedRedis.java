package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/**
 * When the integration tests run against Redis ({@code smartsession.it.redis=true}, the build's
 * "redis-state" run), starts a real Redis server on the reserved loopback port before the
 * application starts, and afterwards checks that the application kept its sessions there. Does
 * nothing in the in-memory run.
 */
public class EmbeddedRedis implements BeforeAllCallback, AfterAllCallback {
  private RedisServer server;

  private static boolean wanted() {
    return Boolean.getBoolean("smartsession.it.redis");
  }

  private static int port() {
    return Integer.parseInt(System.getProperty("redis.it.port"));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (wanted()) {
      server =
          RedisServer.newRedisServer().port(port()).bind("127.0.0.1").setting("save \"\"").build();
      server.start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server == null) {
      return;
    }
    try (RedisClient redis = RedisClient.create("127.0.0.1", port())) {
      assertFalse(
          redis.zrange("smartsession:sessions", 0, -1).isEmpty(),
          "the application kept its sessions in Redis");
    } finally {
      server.stop();
    }
  }
}
