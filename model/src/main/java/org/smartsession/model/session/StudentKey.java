package org.smartsession.model.session;

import java.util.Objects;

/** Names one student of one session. */
public record StudentKey(String sessionId, String studentId) {
  public StudentKey {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(studentId, "studentId");
  }

  @Override
  public String toString() {
    return sessionId + "/" + studentId;
  }
}
