package org.smartsession.model.session;

import java.util.Objects;

/** A class or exam session as its teacher created it. */
public record SessionInfo(
    String sessionId, String name, SessionKind kind, String owner, long createdAt) {
  public SessionInfo {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
