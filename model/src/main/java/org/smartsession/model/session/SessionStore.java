package org.smartsession.model.session;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;

/**
 * Where sessions, students, their current state and history, teachers and alerts are kept. One
 * adapter keeps them in memory (a single server), another in Redis (several servers sharing state).
 * Every entry expires after the configured time to live unless written again.
 */
public interface SessionStore {

  void createSession(SessionInfo session);

  Optional<SessionInfo> findSession(String sessionId);

  /** All sessions, newest first. */
  List<SessionInfo> sessions();

  /** Adds the student to the session, or renames them; their current state is kept. */
  void addStudent(String sessionId, String studentId, String name);

  /**
   * Adds the student only if the session has no student with this id yet (no {@link
   * #studentState}), in one step, so that of two joins with the same new id exactly one succeeds.
   *
   * @return true when added, false when the id was taken (the student is then left as they were)
   */
  boolean addStudentIfAbsent(String sessionId, String studentId, String name);

  /** Adds a teacher of the session (its owner, or a co-teacher). */
  void addTeacher(String sessionId, String teacher);

  /** Takes a co-teacher off the session; the owner stays. */
  void removeTeacher(String sessionId, String teacher);

  /** The owner and co-teachers, by login name or e-mail. */
  Set<String> teachers(String sessionId);

  /** Records a teacher's action on the session. */
  void appendAudit(String sessionId, AuditEntry entry);

  /** The session's audit log, oldest first. */
  List<AuditEntry> audit(String sessionId);

  /** Saves the current state and appends it to the student's history. */
  void saveStudentState(StudentState state);

  Optional<StudentState> studentState(String sessionId, String studentId);

  /** The current state of every student of the session, in no particular order. */
  List<StudentState> studentStates(String sessionId);

  /** History entries with {@code from <= timestamp <= to}, oldest first. */
  List<HistoryPoint> history(String sessionId, String studentId, long from, long to);

  void saveAlert(Alert alert);

  /** The session's alerts, oldest first, with their acknowledgements. */
  List<Alert> alerts(String sessionId);

  /** Records a teacher's decision; empty when the session has no such alert. */
  Optional<Alert> acknowledge(String sessionId, String alertId, Acknowledgement acknowledgement);
}
