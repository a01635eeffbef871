package org.smartsession.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.engine.logging.LogLine;
import org.smartsession.model.session.AuditEntry;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.Teacher;

/**
 * Teachers' actions on a session (reviews, commands, co-teachers), kept with the session and
 * readable by its teachers and admins. Also one log line per action, with ids but no personal data
 * of students.
 */
@ApplicationScoped
public class AuditLog {
  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

  private SessionStore store;
  private Clock clock;

  /** For the container's proxy. */
  protected AuditLog() {}

  @Inject
  public AuditLog(SessionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void record(String sessionId, Teacher teacher, AuditAction action, String detail) {
    record(sessionId, teacher.login(), action, detail);
  }

  public void record(String sessionId, String teacher, AuditAction action, String detail) {
    AuditEntry entry = new AuditEntry(clock.millis(), teacher, action.name(), detail);
    LogLine.log(
        LOG,
        Level.INFO,
        "Teacher action",
        "sessionId",
        sessionId,
        "teacher",
        teacher,
        "action",
        action,
        "detail",
        entry.detail());
    try {
      store.appendAudit(sessionId, entry);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not keep the audit entry of session " + sessionId, e);
    }
  }

  public List<AuditEntry> of(String sessionId) {
    return store.audit(sessionId);
  }
}
