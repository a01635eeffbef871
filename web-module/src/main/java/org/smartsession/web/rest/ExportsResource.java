package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import java.util.Locale;
import org.smartsession.engine.review.ReportCsv;
import org.smartsession.engine.review.ReportPdf;
import org.smartsession.engine.review.SessionReports;
import org.smartsession.model.report.SessionReport;

/**
 * {@code GET /sessions/{id}/exports/{file}}: the session's report as a download, {@code
 * report.json}, {@code report.pdf}, {@code students.csv}, {@code alerts.csv} or {@code
 * summary.csv}; each is recorded in the audit log. For the session's teachers and admins.
 */
@Path("sessions/{sessionId}/exports/{file}")
@Produces(MediaType.APPLICATION_JSON)
public class ExportsResource {
  static final String CSV = "text/csv; charset=UTF-8";
  static final String PDF = "application/pdf";

  @Inject TeacherAccess teachers;
  @Inject SessionReports reports;

  /**
   * A download of the report; {@code zone} (an IANA zone such as {@code Europe/Berlin}, UTC by
   * default) sets the times of the CSV and PDF files.
   */
  @GET
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
    String name = "smartsession-" + sessionId + "-" + export.file;
    return Response.ok(body == null ? report : body, export.mediaType)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
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
    PDF("report.pdf", ExportsResource.PDF, null),
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
