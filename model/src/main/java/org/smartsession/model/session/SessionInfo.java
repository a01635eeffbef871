package org.smartsession.model.session;

import java.util.Objects;

/**
 * A class or exam session as its teacher created it. With {@code requireStudentLogin}, students
 * join only signed in through the institution's provider, which then gives their student id.
 */
public record SessionInfo(
    String sessionId,
    String name,
    SessionKind kind,
    String owner,
    long createdAt,
    boolean requireStudentLogin) {
  public SessionInfo {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /** A session that students join under an id of their own choosing. */
  public SessionInfo(
      String sessionId, String name, SessionKind kind, String owner, long createdAt) {
    this(sessionId, name, kind, owner, createdAt, false);
  }
}
