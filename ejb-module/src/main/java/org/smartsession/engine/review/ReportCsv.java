package org.smartsession.engine.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.smartsession.model.protocol.CriticalAlert;
import org.smartsession.model.report.SessionReport;
import org.smartsession.model.report.StudentSummary;
import org.smartsession.model.report.SummaryStep;

/**
 * A report's tables as CSV (RFC 4180, a header row): {@code students}, {@code alerts} or {@code
 * summary}. Times are ISO-8601 in the reader's zone, shares and scores decimals from 0 to 1 with a
 * point; an empty cell is "unknown". A cell that a spreadsheet would run as a formula is quoted
 * with a leading apostrophe, since names come from students.
 */
public final class ReportCsv {

  /** The tables a report has, by the name the API uses. */
  public enum Table {
    STUDENTS,
    ALERTS,
    SUMMARY
  }

  private final ZoneId zone;

  public ReportCsv(ZoneId zone) {
    this.zone = zone;
  }

  public void write(SessionReport report, Table table, Writer out) {
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      switch (table) {
        case STUDENTS -> students(report, csv);
        case ALERTS -> alerts(report, csv);
        case SUMMARY -> summary(report, csv);
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void students(SessionReport report, CSVPrinter csv) throws IOException {
    csv.printRecord(
        "studentId",
        "name",
        "firstSeenAt",
        "lastSeenAt",
        "observedSeconds",
        "presentShare",
        "engagedShare",
        "confusedShare",
        "awayShare",
        "meanConfusion",
        "meanEngagement",
        "alerts",
        "openAlerts",
        "notes");
    for (StudentSummary s : report.students()) {
      csv.printRecord(
          safe(s.studentId()),
          safe(s.name()),
          time(s.firstSeenAt()),
          time(s.lastSeenAt()),
          s.shares().observedMs() / 1000,
          decimal(s.shares().present()),
          decimal(s.shares().engaged()),
          decimal(s.shares().confused()),
          decimal(s.shares().away()),
          decimal(s.meanConfusion()),
          decimal(s.meanEngagement()),
          s.alerts(),
          s.openAlerts(),
          s.notes());
    }
  }

  private void alerts(SessionReport report, CSVPrinter csv) throws IOException {
    csv.printRecord(
        "alertId",
        "studentId",
        "alertType",
        "raisedAt",
        "lastRaisedAt",
        "count",
        "durationSeconds",
        "confidence",
        "reason",
        "decision",
        "decidedBy",
        "decidedAt");
    for (CriticalAlert a : report.alerts()) {
      var review = a.acknowledgement();
      csv.printRecord(
          a.alertId(),
          safe(a.studentId()),
          a.alertType(),
          time(a.timestamp()),
          time(a.lastTimestamp()),
          a.count(),
          a.durationMs() / 1000.0,
          decimal(a.confidence()),
          safe(a.reason()),
          review == null ? "" : review.action(),
          review == null ? "" : safe(review.acknowledgedBy()),
          review == null ? "" : time(review.timestamp()));
    }
  }

  private void summary(SessionReport report, CSVPrinter csv) throws IOException {
    csv.printRecord(
        "from",
        "to",
        "students",
        "present",
        "engaged",
        "confused",
        "away",
        "meanConfusion",
        "meanEngagement",
        "alerts");
    for (SummaryStep s : report.summary()) {
      csv.printRecord(
          time(s.from()),
          time(s.to()),
          s.students(),
          s.present(),
          s.engaged(),
          s.confused(),
          s.away(),
          decimal(s.meanConfusion()),
          decimal(s.meanEngagement()),
          s.alerts());
    }
  }

  private String time(Long epochMs) {
    return epochMs == null
        ? ""
        : Instant.ofEpochMilli(epochMs).atZone(zone).toOffsetDateTime().toString();
  }

  private static String decimal(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** Text that no spreadsheet takes for a formula. */
  static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + value
        : value;
  }
}
