package org.smartsession.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.smartsession.engine.config.RosterSettings;
import org.smartsession.engine.config.SummarySettings;
import org.smartsession.model.session.Attendance;
import org.smartsession.model.session.Roster;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.Teacher;

/**
 * A session's roster, given by its teachers (uploaded or pasted), and the attendance it gives: who
 * has not joined, who is here, who left and when, who came late. A roster may let only its students
 * join.
 */
@ApplicationScoped
public class Rosters {
  @Inject SessionService sessions;
  @Inject SessionStore store;
  @Inject AuditLog audit;
  @Inject SummarySettings summary;
  @Inject RosterSettings settings;
  @Inject Clock clock;

  /** The roster and who attends, for the session's teachers. */
  public record SessionAttendance(
      boolean hasRoster, boolean othersAllowed, List<Attendance> students) {}

  /**
   * Replaces the session's roster with the students listed in {@code text} (CSV or one per line).
   *
   * @throws IllegalArgumentException naming the first bad line
   */
  public SessionAttendance replace(String sessionId, String text, boolean othersAllowed, Teacher by)
      throws UnknownSessionException, NotPermittedException {
    sessions.forTeacher(sessionId, by);
    Roster roster = new Roster(RosterImport.parse(text), othersAllowed);
    store.saveRoster(sessionId, roster);
    audit.record(
        sessionId,
        by,
        AuditAction.ROSTER_IMPORTED,
        roster.students().size() + " students, others " + (othersAllowed ? "allowed" : "refused"));
    return attendance(sessionId, by);
  }

  public SessionAttendance attendance(String sessionId, Teacher by)
      throws UnknownSessionException, NotPermittedException {
    SessionInfo session = sessions.forTeacher(sessionId, by);
    Roster roster = store.roster(sessionId).orElse(null);
    long now = clock.millis();
    List<StudentState> states =
        store.studentStates(sessionId).stream()
            .map(s -> s.asSeenAt(now, summary.idleAfterMs()))
            .toList();
    return new SessionAttendance(
        roster != null,
        roster == null || roster.othersAllowed(),
        Attendance.of(
            session, roster, states, store.joinTimes(sessionId), settings.lateAfter().toMillis()));
  }
}
