package org.smartsession.engine.review;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.smartsession.model.protocol.CriticalAlert;
import org.smartsession.model.report.ReportedSession;
import org.smartsession.model.report.SessionReport;
import org.smartsession.model.report.StudentSummary;
import org.smartsession.model.report.SummaryStep;
import org.smartsession.model.session.Attendance;
import org.smartsession.model.session.TeacherNote;

/**
 * A report as a PDF document (OpenPDF): the session, each student's shares of time, every alert
 * with its decision, the notes, and the summary over time. Text is set in Liberation Sans, which
 * OpenPDF ships and which covers the names of most European languages; times in the reader's zone.
 */
public final class ReportPdf {
  private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
  private static final Color HEADER = new Color(0xE8, 0xEC, 0xF2);
  private static final BaseFont BASE = loadFont();

  private final ZoneId zone;
  private final DateTimeFormatter times;
  private final Font text = new Font(BASE, 9);
  private final Font heading = new Font(BASE, 13);
  private final Font title = new Font(BASE, 18);

  public ReportPdf(ZoneId zone) {
    this.zone = zone;
    this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
  }

  public void write(SessionReport report, OutputStream out) {
    Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(document, out);
      ReportedSession s = report.session();
      document.addTitle("Session report: " + s.name());
      document.addCreator("SmartSession");
      document.open();
      document.add(new Paragraph("Session report: " + s.name(), title));
      document.add(new Paragraph(about(report), text));
      Map<String, String> names = new HashMap<>();
      report.students().forEach(st -> names.put(st.studentId(), st.name()));
      section(document, "Students (" + report.students().size() + ")");
      document.add(students(report.students()));
      attendance(document, report.attendance(), report.lateAfterMinutes());
      section(document, "Alerts (" + report.alerts().size() + ")");
      document.add(alerts(report.alerts(), names));
      section(document, "Notes (" + report.notes().size() + ")");
      document.add(notes(report.notes(), names));
      section(document, "Summary over time");
      document.add(summary(report.summary()));
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("could not write the report's PDF", e);
    }
  }

  private String about(SessionReport report) {
    ReportedSession s = report.session();
    StringBuilder about = new StringBuilder();
    about.append(s.kind().equals("EXAM") ? "Exam" : "Class").append(" ").append(s.sessionId());
    about.append(", ").append(s.phase().toLowerCase(Locale.ROOT));
    about.append(". Owner: ").append(s.owner());
    about.append("; teachers: ").append(String.join(", ", s.teachers())).append(".\n");
    about.append("Created ").append(time(s.createdAt()));
    if (s.opensAt() != null) {
      about.append(", opens ").append(time(s.opensAt()));
    }
    if (s.endedAt() != null) {
      about.append(", ended ").append(time(s.endedAt()));
    }
    about.append(". Report made ").append(time(report.generatedAt()));
    about.append(" (times in ").append(zone.getId()).append(").");
    return about.toString();
  }

  private void section(Document document, String name) throws DocumentException {
    Paragraph p = new Paragraph(name, heading);
    p.setSpacingBefore(14);
    p.setSpacingAfter(6);
    document.add(p);
  }

  private PdfPTable students(List<StudentSummary> students) {
    PdfPTable table =
        table(
            new float[] {4, 3, 3, 3, 2, 2, 2, 2, 2, 2},
            "Name",
            "Student id",
            "First seen",
            "Last seen",
            "Present",
            "Engaged",
            "Confused",
            "Away",
            "Alerts (open)",
            "Notes");
    for (StudentSummary s : students) {
      cells(
          table,
          s.name(),
          s.studentId(),
          time(s.firstSeenAt()),
          time(s.lastSeenAt()),
          percent(s.shares().present()),
          percent(s.shares().engaged()),
          percent(s.shares().confused()),
          percent(s.shares().away()),
          s.alerts() + " (" + s.openAlerts() + ")",
          Integer.toString(s.notes()));
    }
    return table;
  }

  /** Who of the roster did not come, who came late or left, who was not on the roster. */
  private void attendance(Document document, List<Attendance> attendance, long lateAfterMinutes)
      throws DocumentException {
    List<String> lines = new ArrayList<>();
    names(lines, "Not joined", attendance, a -> a.presence() == Attendance.Presence.NOT_JOINED);
    names(
        lines,
        "Joined late (more than " + lateAfterMinutes + " min after the start)",
        attendance,
        Attendance::late);
    names(lines, "Left before the end", attendance, a -> a.presence() == Attendance.Presence.LEFT);
    if (attendance.stream().anyMatch(Attendance::onRoster)) {
      names(lines, "Not on the roster", attendance, a -> !a.onRoster());
    }
    if (!lines.isEmpty()) {
      Paragraph p = new Paragraph(String.join("\n", lines), text);
      p.setSpacingBefore(8);
      document.add(p);
    }
  }

  private static void names(
      List<String> lines, String label, List<Attendance> all, Predicate<Attendance> which) {
    List<String> names = all.stream().filter(which).map(Attendance::name).toList();
    if (!names.isEmpty()) {
      lines.add(label + " (" + names.size() + "): " + String.join(", ", names));
    }
  }

  private PdfPTable alerts(List<CriticalAlert> alerts, Map<String, String> names) {
    PdfPTable table =
        table(
            new float[] {3, 4, 3, 1, 6, 4},
            "Raised",
            "Student",
            "Type",
            "Times",
            "Reason",
            "Decision");
    for (CriticalAlert a : alerts) {
      var review = a.acknowledgement();
      cells(
          table,
          time(a.timestamp()),
          names.getOrDefault(a.studentId(), a.studentId()),
          a.alertType(),
          Integer.toString(a.count()),
          a.reason() == null ? "" : a.reason(),
          review == null
              ? "not reviewed"
              : review.action().toLowerCase(Locale.ROOT)
                  + " by "
                  + review.acknowledgedBy()
                  + ", "
                  + time(review.timestamp()));
    }
    return table;
  }

  private PdfPTable notes(List<TeacherNote> notes, Map<String, String> names) {
    PdfPTable table = table(new float[] {3, 3, 4, 10}, "Written", "By", "On", "Note");
    for (TeacherNote n : notes) {
      String on = names.getOrDefault(n.studentId(), n.studentId());
      cells(
          table, time(n.at()), n.author(), n.alertId() == null ? on : on + ", an alert", n.text());
    }
    return table;
  }

  private PdfPTable summary(List<SummaryStep> steps) {
    PdfPTable table =
        table(
            new float[] {3, 2, 2, 2, 2, 2, 2, 2},
            "From",
            "Students",
            "Present",
            "Engaged",
            "Confused",
            "Away",
            "Mean confusion",
            "Alerts");
    for (SummaryStep s : steps) {
      cells(
          table,
          time(s.from()),
          Integer.toString(s.students()),
          Integer.toString(s.present()),
          Integer.toString(s.engaged()),
          Integer.toString(s.confused()),
          Integer.toString(s.away()),
          percent(s.meanConfusion()),
          Integer.toString(s.alerts()));
    }
    return table;
  }

  private PdfPTable table(float[] widths, String... headers) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String h : headers) {
      PdfPCell cell = new PdfPCell(new Phrase(h, text));
      cell.setBackgroundColor(HEADER);
      cell.setHorizontalAlignment(Element.ALIGN_LEFT);
      table.addCell(cell);
    }
    return table;
  }

  private void cells(PdfPTable table, String... values) {
    for (String v : values) {
      table.addCell(new PdfPCell(new Phrase(v, text)));
    }
  }

  private String time(Long epochMs) {
    return epochMs == null ? "-" : times.format(Instant.ofEpochMilli(epochMs));
  }

  private static String percent(Double share) {
    return share == null ? "-" : Math.round(share * 100) + " %";
  }

  private static BaseFont loadFont() {
    try (InputStream in = BaseFont.class.getClassLoader().getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("OpenPDF's font " + FONT + " is missing");
      }
      return BaseFont.createFont(
          "LiberationSans-Regular.ttf",
          BaseFont.IDENTITY_H,
          BaseFont.EMBEDDED,
          true,
          in.readAllBytes(),
          null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DocumentException e) {
      throw new IllegalStateException("OpenPDF's font " + FONT + " cannot be read", e);
    }
  }
}
