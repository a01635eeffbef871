package org.smartsession.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.SessionStore;

/** Creating, listing and joining sessions. */
@ApplicationScoped
public class SessionService {
  private static final char[] ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject SessionStore store;
  @Inject Clock clock;

  public SessionInfo create(String name, SessionKind kind, String owner) {
    SessionInfo session = new SessionInfo(newSessionId(), name, kind, owner, clock.millis());
    store.createSession(session);
    if (owner != null) {
      store.addTeacher(session.sessionId(), owner);
    }
    return session;
  }

  /** Session codes are short enough to read out in class and too many to guess. */
  static String newSessionId() {
    StringBuilder id = new StringBuilder("S-");
    for (int i = 0; i < 10; i++) {
      id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
    }
    return id.toString();
  }

  public List<SessionInfo> sessions() {
    return store.sessions();
  }

  public Optional<SessionInfo> find(String sessionId) {
    return store.findSession(sessionId);
  }

  /**
   * Adds the student to the session (again, if they rejoin).
   *
   * @throws UnknownSessionException if the session does not exist
   */
  public SessionInfo join(String sessionId, String studentId, String name)
      throws UnknownSessionException {
    SessionInfo session =
        store
            .findSession(sessionId)
            .orElseThrow(() -> new UnknownSessionException("no session " + sessionId));
    store.addStudent(sessionId, studentId, name);
    return session;
  }
}
