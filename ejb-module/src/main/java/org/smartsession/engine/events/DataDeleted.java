package org.smartsession.engine.events;

/**
 * A teacher deleted a session's data ({@code studentId} null) or one student's: every server lets
 * go of what it holds of them and closes their connections.
 */
public record DataDeleted(String sessionId, String studentId) {
  public boolean wholeSession() {
    return studentId == null;
  }

  /** Whether the student of this session is among what was deleted. */
  public boolean covers(String session, String student) {
    return sessionId.equals(session) && (wholeSession() || studentId.equals(student));
  }
}
