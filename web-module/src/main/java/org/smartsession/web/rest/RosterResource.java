package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.smartsession.engine.session.Rosters;
import org.smartsession.engine.session.Rosters.SessionAttendance;

/**
 * {@code GET/PUT /sessions/{id}/roster}: the students a session expects and who of them came, for
 * its teachers.
 */
@Path("sessions/{sessionId}/roster")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RosterResource {
  /** The largest roster text taken: 2000 students of 100 characters and some. */
  static final int MAX_TEXT = 256 * 1024;

  @Inject TeacherAccess teachers;
  @Inject Rosters rosters;

  /**
   * Body of {@code PUT}: {@code students} as CSV or one "id, name" per line; {@code othersAllowed}
   * (default true) lets students not on it join too.
   */
  public record ReplaceRoster(String students, Boolean othersAllowed) {}

  @GET
  public SessionAttendance attendance(@PathParam("sessionId") String sessionId) {
    return TeacherAccess.answer(() -> rosters.attendance(sessionId, teachers.current()));
  }

  @PUT
  public SessionAttendance replace(@PathParam("sessionId") String sessionId, ReplaceRoster body) {
    if (body == null || body.students() == null) {
      throw ApiException.badRequest(
          "a JSON body {\"students\":\"id,name\\\\n...\",\"othersAllowed\":true} is required");
    }
    if (body.students().length() > MAX_TEXT) {
      throw ApiException.badRequest("the roster is larger than " + MAX_TEXT / 1024 + " KiB");
    }
    try {
      return TeacherAccess.answer(
          () ->
              rosters.replace(
                  sessionId,
                  body.students(),
                  !Boolean.FALSE.equals(body.othersAllowed()),
                  teachers.current()));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("roster: " + e.getMessage());
    }
  }
}
