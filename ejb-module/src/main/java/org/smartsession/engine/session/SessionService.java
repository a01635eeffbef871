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

/** Creating and listing sessions; students join through {@link JoinService}. */
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
}
