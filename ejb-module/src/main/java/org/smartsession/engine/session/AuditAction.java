package org.smartsession.engine.session;

/** What a teacher did, as the audit log records it. */
public enum AuditAction {
  ALERT_REVIEWED,
  ALERT_DISMISSED,
  COMMAND,
  CO_TEACHER_ADDED,
  CO_TEACHER_REMOVED,
  SESSION_STARTED,
  SESSION_ENDED,
  STUDENT_DATA_DELETED,
  REPORT_EXPORTED,
  NOTE_ADDED,
  ROSTER_IMPORTED
}
