package org.smartsession.web.ws;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Pings every connection every 30 seconds; one that answered none of the last two pings is closed,
 * so dead connections (a laptop lid closed, a network gone) are noticed within about a minute.
 */
@Singleton
public class Heartbeat {
  static final long INTERVAL_MS = 30_000;

  @Inject StudentConnections students;
  @Inject TeacherConnections teachers;

  @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
  void beat() {
    long deadBefore = System.currentTimeMillis() - 2 * INTERVAL_MS - 5_000;
    students.heartbeat(deadBefore);
    teachers.heartbeat(deadBefore);
  }
}
