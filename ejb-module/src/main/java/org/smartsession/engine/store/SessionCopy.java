package org.smartsession.engine.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.session.AuditEntry;
import org.smartsession.model.session.HistoryPoint;
import org.smartsession.model.session.Roster;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.TeacherNote;

/** What one server holds of a session, to write it to Redis again after Redis lost it. */
record SessionCopy(
    SessionInfo info,
    Set<String> teachers,
    List<StudentState> states,
    Map<String, List<HistoryPoint>> history,
    List<Alert> alerts,
    List<AuditEntry> audit,
    List<TeacherNote> notes,
    Roster roster,
    Map<String, Long> joinTimes) {

  /** Everything {@code store} holds of the session. */
  static SessionCopy of(SessionStore store, SessionInfo info) {
    String id = info.sessionId();
    List<StudentState> states = store.studentStates(id);
    Map<String, List<HistoryPoint>> history =
        states.stream()
            .collect(
                Collectors.toMap(
                    StudentState::studentId,
                    s -> store.history(id, s.studentId(), Long.MIN_VALUE, Long.MAX_VALUE)));
    return new SessionCopy(
        info,
        store.teachers(id),
        states,
        history,
        store.alerts(id),
        store.audit(id),
        store.notes(id),
        store.roster(id).orElse(null),
        store.joinTimes(id));
  }
}
