package org.smartsession.model.session;

import java.util.Map;
import java.util.Objects;

/**
 * A student's current state as stored and shown. Scores are absent when unknown or when affect
 * inference is off. {@code lastFrameAt} is the capture time of the latest processed frame (student
 * clock); {@code updatedAt} the server time it was processed, which decides when a student is idle.
 */
public record StudentState(
    String sessionId,
    String studentId,
    String name,
    StudentStatus status,
    Double confusion,
    Double engagement,
    Map<String, Double> indicators,
    int faces,
    long lastFrameAt,
    long updatedAt) {

  public StudentState {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(studentId, "studentId");
    Objects.requireNonNull(status, "status");
    indicators = indicators == null ? Map.of() : Map.copyOf(indicators);
  }

  /** The state of a student who has joined and sent nothing yet. */
  public static StudentState joined(String sessionId, String studentId, String name, long now) {
    return new StudentState(
        sessionId, studentId, name, StudentStatus.JOINED, null, null, Map.of(), 0, 0, now);
  }

  /**
   * This state as seen at {@code now}: IDLE once no frame was processed for {@code idleAfterMs}.
   */
  public StudentState asSeenAt(long now, long idleAfterMs) {
    if (status == StudentStatus.IDLE || now - updatedAt <= idleAfterMs) {
      return this;
    }
    return new StudentState(
        sessionId,
        studentId,
        name,
        StudentStatus.IDLE,
        confusion,
        engagement,
        indicators,
        faces,
        lastFrameAt,
        updatedAt);
  }
}
