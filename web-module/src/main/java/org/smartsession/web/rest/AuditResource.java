package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.smartsession.engine.session.AuditLog;
import org.smartsession.model.session.AuditEntry;

/** {@code GET /sessions/{id}/audit}: the session's audit log, for its teachers and admins. */
@Path("sessions/{sessionId}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject TeacherAccess access;
  @Inject AuditLog audit;

  /** Who did what, oldest first: reviews, commands, co-teachers. */
  @GET
  public List<AuditEntry> audit(@PathParam("sessionId") String sessionId) {
    access.session(sessionId);
    return audit.of(sessionId);
  }
}
