package org.smartsession.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.smartsession.engine.config.JoinLimits;
import org.smartsession.engine.events.StudentJoined;
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
  @Inject JoinLimits limits;
  @Inject Clock clock;
  @Inject Event<StudentJoined> joined;

  private final PerMinuteLimit perClient = new PerMinuteLimit(() -> limits.perMinutePerClient());

  /** A join of a session whose students choose their id: see the full form. */
  public JoinedStudent join(
      String sessionId, String studentId, String name, String token, String client)
      throws UnknownSessionException,
          StudentIdTakenException,
          LimitReachedException,
          StudentSignInRequiredException,
          SessionClosedException,
          NotOnRosterException {
    return join(sessionId, studentId, name, token, client, null);
  }

  /**
   * @param token the token the browser presented, or null when it presented none; a token that is
   *     not this student's valid token counts as none
   * @param client the address the join came from, for the per-client rate
   * @param signedIn who the institution's provider says the caller is, or null; in a session that
   *     requires it, their student id and name replace those given, and they may resume as that
   *     student from any browser
   * @throws UnknownSessionException if the session does not exist
   * @throws StudentIdTakenException if the id is taken and the token is not its student's
   * @throws LimitReachedException if the client joins too fast, or a new student finds the session
   *     full
   * @throws StudentSignInRequiredException if the session requires a sign-in and there was none
   * @throws SessionClosedException if the session opens later or has ended
   * @throws NotOnRosterException if the session admits only its roster's students, and the student
   *     is not on it
   */
  public JoinedStudent join(
      String sessionId,
      String studentId,
      String name,
      String token,
      String client,
      ProviderIdentity signedIn)
      throws UnknownSessionException,
          StudentIdTakenException,
          LimitReachedException,
          StudentSignInRequiredException,
          SessionClosedException,
          NotOnRosterException {
    long wait = perClient.admit(client, clock.millis());
    if (wait > 0) {
      throw new LimitReachedException(
          "at most " + limits.perMinutePerClient() + " joins a minute from one address",
          (wait + 999) / 1000);
    }
    SessionInfo session =
        store
            .findSession(sessionId)
            .orElseThrow(() -> new UnknownSessionException("no session " + sessionId));
    switch (session.phaseAt(clock.millis())) {
      case SCHEDULED ->
          throw new SessionClosedException(
              "This session opens at " + Instant.ofEpochMilli(session.opensAt()) + ".",
              session.opensAt());
      case ENDED -> throw new SessionClosedException("This session has ended.");
      case OPEN -> {}
    }
    boolean vouched = false;
    if (session.requireStudentLogin()) {
      if (signedIn == null) {
        throw new StudentSignInRequiredException(
            "This session needs you to sign in with your institution account first.");
      }
      studentId = signedIn.studentId();
      name = signedIn.name() == null || signedIn.name().isBlank() ? name : signedIn.name();
      vouched = true;
    }
    String id = studentId;
    if (!store.roster(sessionId).map(r -> r.admits(id)).orElse(true)) {
      throw new NotOnRosterException(
          "You are not on this session's list of students. Check your student id, or ask your"
              + " teacher to add you.");
    }
    StudentKey student = new StudentKey(sessionId, studentId);
    boolean own = vouched || (token != null && tokens.check(token, student).isValid());
    boolean resumed = own && store.studentState(sessionId, studentId).isPresent();
    if (resumed) {
      store.addStudent(sessionId, studentId, name);
    } else if (store.studentCount(sessionId) >= limits.maxPerSession()) {
      // Checked before adding: joins at the same instant may pass it together, by a few.
      throw new LimitReachedException(
          "this session has "
              + limits.maxPerSession()
              + " students, the most allowed; ask the teacher to start another session",
          0);
    } else if (!store.addStudentIfAbsent(sessionId, studentId, name)) {
      if (!own) {
        throw new StudentIdTakenException(
            "This student id is already in use in this session. If it is yours, continue in the"
                + " browser you joined with; otherwise check your student id.");
      }
      store.addStudent(sessionId, studentId, name); // their own id, joined a moment ago
      resumed = true;
    }
    JoinedStudent joined =
        new JoinedStudent(session, studentId, name, tokens.issue(student), resumed);
    this.joined.fire(new StudentJoined(student, resumed));
    return joined;
  }
}
