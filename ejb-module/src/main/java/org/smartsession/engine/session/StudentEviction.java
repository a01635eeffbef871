package org.smartsession.engine.session;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.smartsession.engine.events.StudentLeft;

/**
 * Once a minute, forgets the students gone for longer than the reconnect grace, and says so, so
 * that whatever this server keeps per student (a queued frame, a face tracker, a calibration) goes
 * with them.
 */
@Singleton
public class StudentEviction {

  @Inject StudentRegistry registry;
  @Inject Event<StudentLeft> left;

  @Schedule(second = "0", minute = "*", hour = "*", persistent = false)
  void evict() {
    registry.evictGone().forEach(s -> left.fire(new StudentLeft(s.key())));
  }
}
