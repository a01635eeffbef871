package org.smartsession.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
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
}
