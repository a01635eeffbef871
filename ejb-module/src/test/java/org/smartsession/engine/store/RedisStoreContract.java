package org.smartsession.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract for a store in Redis: a real server of the test class's own, time passing for
 * its keys too, and no stray key left where the contract expects nothing.
 */
abstract class RedisStoreContract extends SessionStoreContract {
  protected static RedisTestServer redis;

  @BeforeAll
  static void startRedis() throws IOException {
    redis = new RedisTestServer();
  }

  @AfterAll
  static void stopRedis() throws IOException {
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  protected void elapse(Duration time) {
    super.elapse(time);
    redis.elapse(sessionId, time);
  }

  @Override
  protected void assertNothingKeptFor(String id) {
    super.assertNothingKeptFor(id);
    assertEquals(Set.of(), redis.keysOf(id), "keys left in Redis");
  }

  /** No key of the session, no field, member or value in any of them, names the student. */
  @Override
  protected void assertNothingKeptOf(String studentId) {
    super.assertNothingKeptOf(studentId);
    var client = redis.client();
    for (String key : redis.keysOf(sessionId)) {
      assertFalse(key.contains(studentId), key);
      List<String> content =
          switch (client.type(key)) {
            case "hash" ->
                client.hgetAll(key).entrySet().stream()
                    .flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                    .toList();
            case "set" -> List.copyOf(client.smembers(key));
            case "list" -> client.lrange(key, 0, -1);
            case "zset" -> client.zrange(key, 0, -1);
            default -> List.of(client.get(key));
          };
      for (String item : content) {
        assertFalse(item.contains(studentId), () -> key + " holds " + item);
      }
    }
  }
}
