package org.smartsession.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertCounts;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.session.SessionStore;

/** The store contract against a real Redis server, started here on a free loopback port. */
class RedisSessionStoreTest extends RedisStoreContract {
  @Override
  protected SessionStore newStore(Clock clock) {
    return new RedisSessionStore(
        redis.client(), new StoreLimits(Duration.ofHours(1), 1000, 5), clock);
  }

  @Test
  void everyKeyOfASessionExpires() {
    store.addStudent(sessionId, "S1", "Ada");
    store.addTeacher(sessionId, "ada");
    for (String key : redis.keysOf(sessionId)) {
      long ttl = redis.client().ttl(key);
      assertTrue(ttl > 3500 && ttl <= 3600, key + " ttl " + ttl);
    }
    assertEquals(4, redis.keysOf(sessionId).size());
  }

  @Test
  void anAlertWrittenAgainIsKeptAndCountedOnce() {
    Alert alert =
        new Alert("A1", sessionId, "S1", AlertType.NO_FACE, 100, "why", 0, 1.0, "data:,AA", null);
    store.saveAlert(alert);
    store.saveAlert(alert);
    assertEquals(1, store.alerts(sessionId).size());
    assertEquals(new AlertCounts(1, 1, 1, 1), store.alertCounts(sessionId, "S1"));
  }
}
