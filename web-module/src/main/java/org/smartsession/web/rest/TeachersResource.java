package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.smartsession.engine.session.SessionService;
import org.smartsession.model.session.SessionInfo;

/**
 * A session's teachers: {@code GET/POST /sessions/{id}/teachers}, {@code DELETE
 * /sessions/{id}/teachers/{teacher}}; the owner adds and removes co-teachers by login name or
 * e-mail.
 */
@Path("sessions/{sessionId}/teachers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeachersResource {
  static final int MAX_TEACHER_LENGTH = 254;

  @Inject TeacherAccess access;
  @Inject SessionService sessions;

  /** Body of {@code POST /sessions/{id}/teachers}: a login name or an e-mail. */
  public record AddTeacher(String teacher) {}

  /** The owner and the co-teachers. */
  public record Teachers(String owner, Set<String> coTeachers) {}

  @GET
  public Teachers list(@PathParam("sessionId") String sessionId) {
    SessionInfo session = access.session(sessionId);
    Set<String> all =
        new TreeSet<>(TeacherAccess.answer(() -> sessions.teachers(sessionId, access.current())));
    all.remove(session.owner());
    return new Teachers(session.owner(), all);
  }

  @POST
  public Teachers add(@PathParam("sessionId") String sessionId, AddTeacher body) {
    if (body == null
        || body.teacher() == null
        || body.teacher().isBlank()
        || body.teacher().length() > MAX_TEACHER_LENGTH) {
      throw ApiException.badRequest(
          "a JSON body {\"teacher\":\"login name or e-mail\"} is required");
    }
    TeacherAccess.answer(() -> sessions.addCoTeacher(sessionId, access.current(), body.teacher()));
    return list(sessionId);
  }

  @DELETE
  @Path("{teacher}")
  public Teachers remove(
      @PathParam("sessionId") String sessionId, @PathParam("teacher") String teacher) {
    TeacherAccess.answer(
        () -> {
          sessions.removeCoTeacher(sessionId, access.current(), teacher);
          return null;
        });
    return list(sessionId);
  }
}
