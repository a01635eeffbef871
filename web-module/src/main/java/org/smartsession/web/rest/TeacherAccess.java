package org.smartsession.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.smartsession.engine.session.NotPermittedException;
import org.smartsession.engine.session.SessionService;
import org.smartsession.engine.session.UnknownSessionException;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.Teacher;
import org.smartsession.web.security.CurrentTeacher;

/**
 * The REST API's answers to "who is calling, and may they?": 401 when nobody signed in, 403 for a
 * caller who is no teacher or not one of this session's, 404 for a session that does not exist.
 */
@RequestScoped
public class TeacherAccess {

  @Inject CurrentTeacher caller;
  @Inject SessionService sessions;

  /** The signed-in teacher or admin. */
  public Teacher current() {
    return caller
        .get()
        .orElseThrow(
            () ->
                caller.signedIn()
                    ? ApiException.forbidden("teachers and admins only")
                    : ApiException.unauthenticated("sign in as a teacher first"));
  }

  /** An admin. */
  public Teacher admin() {
    Teacher teacher = current();
    if (!teacher.admin()) {
      throw ApiException.forbidden("admins only");
    }
    return teacher;
  }

  /** The session, when the signed-in teacher is its owner, a co-teacher, or an admin. */
  public SessionInfo session(String sessionId) {
    return answer(() -> sessions.forTeacher(sessionId, current()));
  }

  /** Something a teacher does to a session, which may find no session or not theirs. */
  @FunctionalInterface
  public interface SessionAction<T> {
    T run() throws UnknownSessionException, NotPermittedException;
  }

  /** The action's result; 404 for an unknown session or student, 403 for one not the caller's. */
  public static <T> T answer(SessionAction<T> action) {
    try {
      return action.run();
    } catch (UnknownSessionException e) {
      throw ApiException.notFound(e.getMessage());
    } catch (NotPermittedException e) {
      throw ApiException.forbidden(e.getMessage());
    }
  }
}
