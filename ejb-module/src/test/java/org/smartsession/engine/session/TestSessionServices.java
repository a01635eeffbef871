package org.smartsession.engine.session;

import java.time.Clock;
import org.smartsession.model.session.SessionStore;

/** A session service over a store, for the tests of other packages that check access with it. */
public final class TestSessionServices {
  private TestSessionServices() {}

  public static SessionService over(SessionStore store, Clock clock) {
    SessionService sessions = new SessionService();
    sessions.store = store;
    sessions.clock = clock;
    sessions.audit = new AuditLog(store, clock);
    return sessions;
  }
}
