package org.smartsession.engine.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/**
 * A real Redis server (the embedded-redis binary) on a free loopback port, without persistence, for
 * one test class; it can be stopped and started again, empty, like a Redis restarted without AOF.
 */
final class RedisTestServer implements AutoCloseable {
  private final int port;
  private RedisServer server;
  private RedisClient client;

  RedisTestServer() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    start();
  }

  int port() {
    return port;
  }

  /** A client of the test's own, to look at what the store wrote. */
  RedisClient client() {
    return client;
  }

  void start() throws IOException {
    server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
    server.start();
    if (client != null) {
      client.close();
    }
    // A new client: the old one's pooled connections died with the server.
    client = RedisClient.create("127.0.0.1", port);
  }

  void stop() throws IOException {
    server.stop();
  }

  /** Every key of the session. */
  Set<String> keysOf(String sessionId) {
    return client.keys("smartsession:{" + sessionId + "}:*");
  }

  /** Lets {@code time} pass for the session's keys: their time to live shrinks by it. */
  void elapse(String sessionId, Duration time) {
    for (String key : keysOf(sessionId)) {
      long left = client.pttl(key);
      if (left > 0) {
        if (left <= time.toMillis()) {
          client.del(key);
        } else {
          client.pexpire(key, left - time.toMillis());
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
    if (server.isActive()) {
      server.stop();
    }
  }
}
