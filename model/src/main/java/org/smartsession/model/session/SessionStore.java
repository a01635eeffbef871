package org.smartsession.model.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertCounts;
import org.smartsession.model.alerts.AlertType;

/**
 * Where sessions, students, their current state and history, teachers and alerts are kept. One
 * adapter keeps them in memory (a single server), another in Redis (several servers sharing state).
 * Every entry expires after the configured time to live unless written again.
 */
public interface SessionStore {

  /** Throws when the store cannot be reached now; memory always can. */
  default void checkAvailable() {}

  /** What keeps the state, for operators: "memory" or "redis". */
  String kind();

  void createSession(SessionInfo session);

  Optional<SessionInfo> findSession(String sessionId);

  /**
   * Records a session's opening and end as {@code session} has them, merged with what is kept
   * ({@link SessionInfo#mergedWith}: an end once recorded stays); students and state are kept.
   *
   * @throws IllegalArgumentException if the session is unknown
   */
  void saveLifeCycle(SessionInfo session);

  /** All sessions, newest first. */
  List<SessionInfo> sessions();

  /** Removes everything kept of the session at once; nothing if it is unknown. */
  void deleteSession(String sessionId);

  /**
   * Removes everything kept of one student of the session (joining, state, history, alerts with
   * their screenshots, counts, notes, their roster entry); the rest of the session stays. Nothing
   * if either is unknown.
   */
  void deleteStudent(String sessionId, String studentId);

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

  /** Replaces the session's roster. */
  void saveRoster(String sessionId, Roster roster);

  /** The session's roster; empty when it has none. */
  Optional<Roster> roster(String sessionId);

  /** Student id → when the student first joined the session (server time). */
  Map<String, Long> joinTimes(String sessionId);

  /** Keeps a teacher's note; the same note id written again is kept once. */
  void addNote(TeacherNote note);

  /** The session's notes, oldest first. */
  List<TeacherNote> notes(String sessionId);

  /** Saves the current state and appends it to the student's history. */
  void saveStudentState(StudentState state);

  Optional<StudentState> studentState(String sessionId, String studentId);

  /** The current state of every student of the session, in no particular order. */
  List<StudentState> studentStates(String sessionId);

  /** History entries with {@code from <= timestamp <= to}, oldest first. */
  List<HistoryPoint> history(String sessionId, String studentId, long from, long to);

  /** How many students have joined the session. */
  int studentCount(String sessionId);

  /** Keeps a new alert, and counts it (and its screenshot, if any) for {@link #alertCounts}. */
  void saveAlert(Alert alert);

  /** The session's alerts, oldest first, with their acknowledgements and repeats. */
  List<Alert> alerts(String sessionId);

  /**
   * The student's newest open alert of this type, without its screenshot; empty when every alert of
   * that type was acknowledged (or there is none).
   */
  Optional<Alert> openAlert(String sessionId, String studentId, AlertType type);

  /**
   * Counts one more occurrence of an open alert's condition, seen at {@code timestamp}.
   *
   * @param open the alert as {@link #openAlert} returned it
   * @return the alert with its new count, without its screenshot
   */
  Alert repeatAlert(Alert open, long timestamp);

  /** The alerts and screenshots kept for the session and for one of its students. */
  AlertCounts alertCounts(String sessionId, String studentId);

  /** Records a teacher's decision; empty when the session has no such alert. */
  Optional<Alert> acknowledge(String sessionId, String alertId, Acknowledgement acknowledgement);
}
