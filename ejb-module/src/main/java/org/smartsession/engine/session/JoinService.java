package org.smartsession.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentKey;

/**
 * Students joining sessions. A new student id is admitted and gets a token; an id already joined is
 * taken, and only that student's own valid token lets a browser resume as them (keeping their
 * state, taking the new name). Nobody else can take a joined student over or rename them.
 */
@ApplicationScoped
public class JoinService {

  @Inject SessionStore store;
  @Inject StudentTokens tokens;

  /**
   * @param token the token the browser presented, or null when it presented none; a token that is
   *     not this student's valid token counts as none
   * @throws UnknownSessionException if the session does not exist
   * @throws StudentIdTakenException if the id is taken and the token is not its student's
   */
  public JoinedStudent join(String sessionId, String studentId, String name, String token)
      throws UnknownSessionException, StudentIdTakenException {
    SessionInfo session =
        store
            .findSession(sessionId)
            .orElseThrow(() -> new UnknownSessionException("no session " + sessionId));
    StudentKey student = new StudentKey(sessionId, studentId);
    boolean own = token != null && tokens.check(token, student).isValid();
    if (own) {
      store.addStudent(sessionId, studentId, name);
    } else if (!store.addStudentIfAbsent(sessionId, studentId, name)) {
      throw new StudentIdTakenException(
          "This student id is already in use in this session. If it is yours, continue in the"
              + " browser you joined with; otherwise check your student id.");
    }
    return new JoinedStudent(session, studentId, name, tokens.issue(student), own);
  }
}
