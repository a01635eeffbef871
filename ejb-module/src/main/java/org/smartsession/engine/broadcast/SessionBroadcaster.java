package org.smartsession.engine.broadcast;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.engine.events.SessionUpdated;
import org.smartsession.engine.events.SummariesSent;

/**
 * Every second, sends each watched session's summary to its teachers. Non-persistent: after a
 * restart there is nothing to catch up on, the next tick is current again.
 */
@Singleton
public class SessionBroadcaster {
  private static final Logger LOG = Logger.getLogger(SessionBroadcaster.class.getName());

  @Inject TeacherPresence presence;
  @Inject SessionSummaries summaries;
  @Inject Event<SessionUpdated> updated;
  @Inject Event<SummariesSent> sent;
  @Inject Clock clock;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void tick() {
    long now = clock.millis();
    long start = System.nanoTime();
    int sessions = 0;
    for (String sessionId : presence.watchedSessions()) {
      sessions++;
      try {
        updated.fire(new SessionUpdated(sessionId, summaries.summarise(sessionId, now)));
      } catch (RuntimeException e) {
        // One session's failure (a store outage, say) must not stop the others' updates.
        LOG.log(Level.WARNING, "Could not send the update of session " + sessionId, e);
      }
    }
    sent.fire(new SummariesSent(sessions, System.nanoTime() - start));
  }
}
