package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.smartsession.engine.review.ReportCsv;
import org.smartsession.engine.review.ReportPdf;
import org.smartsession.engine.review.SessionReports;
import org.smartsession.engine.review.TeacherNotes;
import org.smartsession.model.protocol.Identifiers;
import org.smartsession.model.report.SessionReport;
import org.smartsession.model.report.StudentTimeline;
import org.smartsession.model.session.TeacherNote;

/**
 * Reviewing a session, live or afterwards: its report, a student's timeline, teachers' notes, and
 * the report's downloads ({@code report.json}, {@code report.pdf}, {@code students.csv}, {@code
 * alerts.csv}, {@code summary.csv}), each download audited. For the session's teachers and admins.
 */
@Path("sessions/{sessionId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {
  static final String CSV = "text/csv; charset=UTF-8";
  static final String PDF = "application/pdf";

  @Inject TeacherAccess teachers;
  @Inject SessionReports reports;
  @Inject TeacherNotes notes;

  /** Body of {@code POST /sessions/{id}/notes}: on the student, or on one of their alerts. */
  public record AddNote(String studentId, String alertId, String text) {}

  @GET
  @Path("report")
  public SessionReport report(@PathParam("sessionId") String sessionId) {
    return TeacherAccess.answer(() -> reports.report(sessionId, teachers.current()));
  }

  /**
   * A download of the report; {@code zone} (an IANA zone such as {@code Europe/Berlin}, UTC by
   * default) sets the times of the CSV and PDF files.
   */
  @GET
  @Path("exports/{file}")
  @Produces({MediaType.APPLICATION_JSON, CSV, PDF})
  public Response export(
      @PathParam("sessionId") String sessionId,
      @PathParam("file") String file,
      @QueryParam("zone") String zone) {
    ZoneId readerZone = zone(zone);
    Export export = Export.named(file);
    SessionReport report =
        TeacherAccess.answer(() -> reports.export(sessionId, teachers.current(), export.detail));
    StreamingOutput body =
        switch (export) {
          case JSON -> null;
          case PDF -> out -> new ReportPdf(readerZone).write(report, out);
          default ->
              out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                new ReportCsv(readerZone).write(report, export.table, writer);
              };
        };
    String name = "smartsession-" + sessionId + "-" + file;
    return Response.ok(body == null ? report : body, export.mediaType)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  @GET
  @Path("students/{studentId}/timeline")
  public StudentTimeline timeline(
      @PathParam("sessionId") String sessionId, @PathParam("studentId") String studentId) {
    return TeacherAccess.answer(() -> reports.timeline(sessionId, studentId, teachers.current()));
  }

  @GET
  @Path("notes")
  public List<TeacherNote> notes(@PathParam("sessionId") String sessionId) {
    return TeacherAccess.answer(() -> notes.of(sessionId, teachers.current()));
  }

  @POST
  @Path("notes")
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

  private static ZoneId zone(String zone) {
    if (zone == null || zone.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw ApiException.badRequest("'zone' must be a time zone such as Europe/Berlin or UTC");
    }
  }

  /** The files a report downloads as. */
  private enum Export {
    JSON("report.json", MediaType.APPLICATION_JSON, null),
    PDF("report.pdf", ReviewResource.PDF, null),
    STUDENTS("students.csv", CSV, ReportCsv.Table.STUDENTS),
    ALERTS("alerts.csv", CSV, ReportCsv.Table.ALERTS),
    SUMMARY("summary.csv", CSV, ReportCsv.Table.SUMMARY);

    final String file;
    final String mediaType;
    final ReportCsv.Table table;

    /** What the audit log says was exported. */
    final String detail;

    Export(String file, String mediaType, ReportCsv.Table table) {
      this.file = file;
      this.mediaType = mediaType;
      this.table = table;
      this.detail = file;
    }

    static Export named(String file) {
      for (Export e : values()) {
        if (e.file.equals(file.toLowerCase(Locale.ROOT))) {
          return e;
        }
      }
      throw ApiException.notFound(
          "no export "
              + file
              + ": report.json, report.pdf, students.csv, alerts.csv or summary.csv");
    }
  }
}
