package org.smartsession.engine.session;

import java.time.Instant;

/** A signed token for one student of one session, and when it stops being accepted. */
public record StudentToken(String value, Instant expiresAt) {
  /** Never shows the token itself, so that logging the record cannot leak it. */
  @Override
  public String toString() {
    return "StudentToken[expiresAt=" + expiresAt + "]";
  }
}
