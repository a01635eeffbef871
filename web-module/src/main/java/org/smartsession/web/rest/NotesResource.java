package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.smartsession.engine.review.TeacherNotes;
import org.smartsession.model.protocol.Identifiers;
import org.smartsession.model.session.TeacherNote;

/**
 * {@code GET/POST /sessions/{id}/notes}: teachers' notes on a student or one of their alerts, live
 * or afterwards; any teacher of the session may write one.
 */
@Path("sessions/{sessionId}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotesResource {

  @Inject TeacherAccess teachers;
  @Inject TeacherNotes notes;

  /** Body of {@code POST}: on the student, or on one of their alerts ({@code alertId}). */
  public record AddNote(String studentId, String alertId, String text) {}

  /** The session's notes, oldest first. */
  @GET
  public List<TeacherNote> notes(@PathParam("sessionId") String sessionId) {
    return TeacherAccess.answer(() -> notes.of(sessionId, teachers.current()));
  }

  @POST
  public Response addNote(@PathParam("sessionId") String sessionId, AddNote body) {
    if (body == null || !Identifiers.isValid(body.studentId())) {
      throw ApiException.badRequest(
          "a JSON body {\"studentId\":\"...\",\"text\":\"...\"} is required ('alertId' is optional)");
    }
    if (body.text() == null
        || body.text().isBlank()
        || body.text().strip().length() > TeacherNote.MAX_LENGTH) {
      throw ApiException.badRequest(
          "'text' must have 1 to " + TeacherNote.MAX_LENGTH + " characters");
    }
    TeacherNote note =
        TeacherAccess.answer(
            () ->
                notes.add(
                    sessionId, body.studentId(), body.alertId(), body.text(), teachers.current()));
    return Response.status(Response.Status.CREATED).entity(note).build();
  }
}
