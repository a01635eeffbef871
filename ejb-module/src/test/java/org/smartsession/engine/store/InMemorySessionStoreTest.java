package org.smartsession.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.engine.testing.TestClock;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.SessionStore;

class InMemorySessionStoreTest extends SessionStoreContract {

  @Override
  protected SessionStore newStore(Clock clock) {
    return new InMemorySessionStore(new StoreLimits(Duration.ofHours(1), 1000, 5), clock);
  }

  @Test
  void aSessionExpiresOnceUnwrittenForTheTimeToLive() {
    TestClock clock = new TestClock();
    var store = new InMemorySessionStore(new StoreLimits(Duration.ofMinutes(10), 1000, 5), clock);
    store.createSession(new SessionInfo("S", "n", SessionKind.CLASS, null, 0));
    clock.advance(Duration.ofMinutes(9));
    store.addTeacher("S", "ada");
    clock.advance(Duration.ofMinutes(9));
    assertEquals("n", store.findSession("S").orElseThrow().name());
    clock.advance(Duration.ofMinutes(2));
    assertTrue(store.findSession("S").isEmpty());
    assertTrue(store.sessions().isEmpty());
  }
}
