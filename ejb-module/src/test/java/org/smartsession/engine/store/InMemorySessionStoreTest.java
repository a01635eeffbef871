package org.smartsession.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.SessionStore;

class InMemorySessionStoreTest extends SessionStoreContract {

  @Override
  protected SessionStore newStore() {
    return new InMemorySessionStore(
        new StoreLimits(Duration.ofHours(1), 1000, 5), Clock.systemUTC());
  }

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aSessionExpiresOnceUnwrittenForTheTimeToLive() {
    ManualClock clock = new ManualClock();
    var store = new InMemorySessionStore(new StoreLimits(Duration.ofMinutes(10), 1000, 5), clock);
    store.createSession(new SessionInfo("S", "n", SessionKind.CLASS, null, 0));
    clock.now = clock.now.plus(Duration.ofMinutes(9));
    store.addTeacher("S", "ada");
    clock.now = clock.now.plus(Duration.ofMinutes(9));
    assertEquals("n", store.findSession("S").orElseThrow().name());
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    assertTrue(store.findSession("S").isEmpty());
    assertTrue(store.sessions().isEmpty());
  }
}
