package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.smartsession.engine.review.SessionReports;
import org.smartsession.model.report.StudentTimeline;

/** {@code GET /sessions/{id}/students/{studentId}/timeline}: one student's review. */
@Path("sessions/{sessionId}/students/{studentId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

  @Inject TeacherAccess teachers;
  @Inject SessionReports reports;

  /** Their shares, status and scores over time, alerts with screenshots, and notes. */
  @GET
  public StudentTimeline timeline(
      @PathParam("sessionId") String sessionId, @PathParam("studentId") String studentId) {
    return TeacherAccess.answer(() -> reports.timeline(sessionId, studentId, teachers.current()));
  }
}
