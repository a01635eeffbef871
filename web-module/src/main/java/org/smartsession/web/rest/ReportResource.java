package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.smartsession.engine.review.SessionReports;
import org.smartsession.model.report.SessionReport;

/** {@code GET /sessions/{id}/report}: the session's report, for its teachers and admins. */
@Path("sessions/{sessionId}/report")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

  @Inject TeacherAccess teachers;
  @Inject SessionReports reports;

  /** The summary over time, each student's shares of time, every alert and note. */
  @GET
  public SessionReport report(@PathParam("sessionId") String sessionId) {
    return TeacherAccess.answer(() -> reports.report(sessionId, teachers.current()));
  }
}
