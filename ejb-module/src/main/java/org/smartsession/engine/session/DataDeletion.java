package org.smartsession.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.engine.events.DataDeleted;
import org.smartsession.engine.logging.LogLine;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.Teacher;

/**
 * Deleting a session's data, or one student's (an erasure request), at once and on every server.
 * Only the session's owner or an admin may. A student's erasure is recorded in the session's audit
 * log without naming them; a session's, whose audit log goes with it, in the operators' log.
 */
@ApplicationScoped
public class DataDeletion {
  private static final Logger LOG = Logger.getLogger("org.smartsession.events");

  @Inject SessionService sessions;
  @Inject SessionStore store;
  @Inject AuditLog audit;
  @Inject Event<DataDeleted> deleted;

  public void deleteSession(String sessionId, Teacher by)
      throws UnknownSessionException, NotPermittedException {
    sessions.forOwner(sessionId, by);
    store.deleteSession(sessionId);
    LogLine.log(
        LOG, Level.INFO, "Session data deleted", "sessionId", sessionId, "teacher", by.login());
    deleted.fire(new DataDeleted(sessionId, null));
  }

  /**
   * @throws UnknownSessionException if the student neither joined the session nor is on its roster
   *     (or was erased)
   */
  public void deleteStudent(String sessionId, String studentId, Teacher by)
      throws UnknownSessionException, NotPermittedException {
    sessions.forOwner(sessionId, by);
    if (store.studentState(sessionId, studentId).isEmpty()
        && store.roster(sessionId).flatMap(r -> r.find(studentId)).isEmpty()) {
      throw new UnknownSessionException("no student " + studentId + " in session " + sessionId);
    }
    store.deleteStudent(sessionId, studentId);
    audit.record(sessionId, by, AuditAction.STUDENT_DATA_DELETED, "one student's data");
    deleted.fire(new DataDeleted(sessionId, studentId));
  }
}
