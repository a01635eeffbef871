package org.smartsession.engine.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.smartsession.engine.session.AuditAction;
import org.smartsession.engine.session.AuditLog;
import org.smartsession.engine.session.NotPermittedException;
import org.smartsession.engine.session.SessionService;
import org.smartsession.engine.session.UnknownSessionException;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.Teacher;
import org.smartsession.model.session.TeacherNote;

/**
 * Teachers' notes on a student or one of their alerts, live or after the session; any teacher of
 * the session may write one. The audit log records that a note was written, not what it says.
 */
@ApplicationScoped
public class TeacherNotes {

  @Inject SessionService sessions;
  @Inject SessionStore store;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The session's notes, oldest first. */
  public List<TeacherNote> of(String sessionId, Teacher by)
      throws UnknownSessionException, NotPermittedException {
    sessions.forTeacher(sessionId, by);
    return store.notes(sessionId);
  }

  /**
   * @param alertId the student's alert the note is on, or null for the student
   * @throws UnknownSessionException if the student never joined, or the alert is not theirs
   * @throws IllegalArgumentException if the text is blank or too long
   */
  public TeacherNote add(
      String sessionId, String studentId, String alertId, String text, Teacher by)
      throws UnknownSessionException, NotPermittedException {
    sessions.forTeacher(sessionId, by);
    if (store.studentState(sessionId, studentId).isEmpty()) {
      throw new UnknownSessionException("no student " + studentId + " in session " + sessionId);
    }
    if (alertId != null
        && store.alerts(sessionId).stream()
            .noneMatch(a -> a.alertId().equals(alertId) && a.studentId().equals(studentId))) {
      throw new UnknownSessionException("no alert " + alertId + " of student " + studentId);
    }
    TeacherNote note =
        new TeacherNote(
            UUID.randomUUID().toString(),
            sessionId,
            studentId,
            alertId,
            by.login(),
            text == null ? "" : text.strip(),
            clock.millis());
    store.addNote(note);
    audit.record(sessionId, by, AuditAction.NOTE_ADDED, note.noteId());
    return note;
  }
}
