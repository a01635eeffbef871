package org.smartsession.engine.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.RosterSettings;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.engine.config.SummarySettings;
import org.smartsession.engine.session.AuditLog;
import org.smartsession.engine.session.NotPermittedException;
import org.smartsession.engine.session.SessionService;
import org.smartsession.engine.session.TestSessionServices;
import org.smartsession.engine.session.UnknownSessionException;
import org.smartsession.engine.store.InMemorySessionStore;
import org.smartsession.engine.testing.TestClock;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.protocol.AlertAcknowledged.Action;
import org.smartsession.model.report.SessionReport;
import org.smartsession.model.report.StudentSummary;
import org.smartsession.model.report.StudentTimeline;
import org.smartsession.model.session.Attendance;
import org.smartsession.model.session.AuditEntry;
import org.smartsession.model.session.Roster;
import org.smartsession.model.session.RosterEntry;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.StudentStatus;
import org.smartsession.model.session.Teacher;

/** A session's report, a student's timeline, notes, and the CSV and PDF a teacher downloads. */
class SessionReportsTest {
  private static final Teacher ADA = new Teacher("ada", "Ada", null, false);
  private static final Teacher EVE = new Teacher("eve", "Eve", null, false);
  private static final double EPS = 1e-9;

  private final TestClock clock = new TestClock();
  private final long t0 = clock.millis();
  private final InMemorySessionStore store =
      new InMemorySessionStore(new StoreLimits(Duration.ofDays(1), 1000, 10_000), clock);
  private final SessionReports reports = new SessionReports();
  private final TeacherNotes notes = new TeacherNotes();

  @BeforeEach
  void aSessionAfterClass() throws Exception {
    SessionService sessions = TestSessionServices.over(store, clock);
    AuditLog audit = new AuditLog(store, clock);
    reports.sessions = sessions;
    reports.store = store;
    reports.audit = audit;
    reports.summary = new SummarySettings(10_000);
    reports.limits = new StoreLimits(Duration.ofDays(1), 1000, 10_000);
    reports.roster = RosterSettings.DEFAULTS;
    reports.clock = clock;
    notes.sessions = sessions;
    notes.store = store;
    notes.audit = audit;
    notes.clock = clock;

    store.createSession(new SessionInfo("S-1", "Algebra", SessionKind.EXAM, "ada", t0));
    store.addTeacher("S-1", "ada");
    store.addStudent("S-1", "radia", "=Radia Perlman");
    store.addStudent("S-1", "ken", "Ken Thompson");
    // Radia: 20 s engaged, 10 s confused, then 10 s away (one second per point).
    for (int s = 0; s < 40; s++) {
      StudentStatus status =
          s < 20
              ? StudentStatus.ENGAGED
              : s < 30 ? StudentStatus.CONFUSED : StudentStatus.DISENGAGED;
      store.saveStudentState(state("radia", status, t0 + s * 1000L));
    }
    store.saveAlert(
        new Alert(
            "A1",
            "S-1",
            "radia",
            AlertType.NO_FACE,
            t0 + 35_000,
            "No face for 5 s",
            5_000,
            0.9,
            "data:image/jpeg;base64,AA",
            null));
    store.acknowledge("S-1", "A1", new Acknowledgement(Action.REVIEWED, "ada", t0 + 50_000));
    clock.advance(Duration.ofMinutes(5));
  }

  private StudentState state(String student, StudentStatus status, long at) {
    Double confusion =
        status == StudentStatus.DISENGAGED ? null : status == StudentStatus.CONFUSED ? 0.8 : 0.2;
    return new StudentState(
        "S-1", student, "=Radia Perlman", status, confusion, 0.7, Map.of(), 1, at, at);
  }

  @Test
  void theReportHasEachStudentsSharesEveryAlertWithoutItsScreenshotAndTheNotes() throws Exception {
    notes.add("S-1", "radia", "A1", "She left to get water", ADA);

    SessionReport report = reports.report("S-1", ADA);

    assertEquals(SessionReport.SCHEMA_VERSION, report.schemaVersion());
    assertEquals("Algebra", report.session().name());
    assertEquals(
        List.of("radia", "ken"),
        report.students().stream().map(StudentSummary::studentId).toList(),
        "by name");
    StudentSummary radia = report.students().get(0);
    assertEquals(40_000, radia.shares().observedMs());
    assertEquals(0.5, radia.shares().engaged(), EPS);
    assertEquals(0.25, radia.shares().confused(), EPS);
    assertEquals(0.25, radia.shares().away(), EPS);
    assertEquals(1, radia.alerts());
    assertEquals(0, radia.openAlerts());
    assertEquals(1, radia.notes());
    StudentSummary ken = report.students().get(1);
    assertNull(ken.firstSeenAt(), "joined, never sent a frame");
    assertNull(ken.shares().present());
    assertEquals(1, report.summary().size(), "one minute of history");
    assertEquals(1, report.summary().get(0).alerts());
    assertNull(report.alerts().get(0).screenshot());
    assertEquals("ada", report.alerts().get(0).acknowledgement().acknowledgedBy());
    assertEquals("She left to get water", report.notes().get(0).text());
  }

  @Test
  void onlyTheSessionsTeachersReadItAndAnExportIsAudited() throws Exception {
    assertThrows(NotPermittedException.class, () -> reports.report("S-1", EVE));
    assertThrows(UnknownSessionException.class, () -> reports.report("NOPE", ADA));

    reports.report("S-1", ADA);
    assertTrue(store.audit("S-1").isEmpty(), "reading the report is not an export");
    reports.export("S-1", ADA, "csv students");
    AuditEntry entry = store.audit("S-1").get(0);
    assertEquals("REPORT_EXPORTED", entry.action());
    assertEquals("ada", entry.teacher());
    assertEquals("csv students", entry.detail());
  }

  @Test
  void aStudentsTimelineHasTheirHistoryAlertsWithScreenshotsAndNotes() throws Exception {
    notes.add("S-1", "radia", null, "Asked about the third question", ADA);

    StudentTimeline timeline = reports.timeline("S-1", "radia", ADA);

    assertEquals(40, timeline.history().size());
    assertEquals("data:image/jpeg;base64,AA", timeline.alerts().get(0).screenshot());
    assertEquals(1, timeline.notes().size());
    assertEquals("ada", timeline.notes().get(0).author());
    assertThrows(UnknownSessionException.class, () -> reports.timeline("S-1", "nobody", ADA));
  }

  @Test
  void aNoteNeedsAStudentOfTheSessionAnAlertOfTheirsAndSomeText() throws Exception {
    assertThrows(UnknownSessionException.class, () -> notes.add("S-1", "nobody", null, "x", ADA));
    assertThrows(UnknownSessionException.class, () -> notes.add("S-1", "ken", "A1", "x", ADA));
    assertThrows(IllegalArgumentException.class, () -> notes.add("S-1", "ken", null, "  ", ADA));
    assertThrows(
        IllegalArgumentException.class, () -> notes.add("S-1", "ken", null, "x".repeat(2001), ADA));
    assertThrows(NotPermittedException.class, () -> notes.add("S-1", "ken", null, "x", EVE));
    assertTrue(store.notes("S-1").isEmpty());

    notes.add("S-1", "ken", null, "  Late by ten minutes  ", ADA);
    assertEquals("Late by ten minutes", store.notes("S-1").get(0).text());
    AuditEntry entry = store.audit("S-1").get(0);
    assertEquals("NOTE_ADDED", entry.action());
    assertFalse(entry.detail().contains("Late"), "the audit log does not repeat the note");
  }

  @Test
  void theStudentsCsvParsesBackWithTheSharesAndNoCellAFormula() throws Exception {
    StringWriter out = new StringWriter();
    new ReportCsv(ZoneId.of("Europe/Berlin"))
        .write(reports.report("S-1", ADA), ReportCsv.Table.STUDENTS, out);

    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .build()
            .parse(new StringReader(out.toString()))
            .getRecords();
    assertEquals(2, rows.size());
    CSVRecord radia = rows.get(0);
    assertEquals("radia", radia.get("studentId"));
    assertEquals("'=Radia Perlman", radia.get("name"));
    assertEquals("0.5000", radia.get("engagedShare"));
    assertEquals("0.2500", radia.get("awayShare"));
    assertEquals("2026-01-01T10:00+01:00", radia.get("firstSeenAt"));
    assertEquals("", rows.get(1).get("presentShare"), "unknown is empty");
  }

  @Test
  void theAlertsCsvHasEachDecision() throws Exception {
    StringWriter out = new StringWriter();
    new ReportCsv(ZoneId.of("UTC")).write(reports.report("S-1", ADA), ReportCsv.Table.ALERTS, out);

    CSVRecord alert =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .build()
            .parse(new StringReader(out.toString()))
            .getRecords()
            .get(0);
    assertEquals("NO_FACE", alert.get("alertType"));
    assertEquals("REVIEWED", alert.get("decision"));
    assertEquals("ada", alert.get("decidedBy"));
    assertEquals("5.0", alert.get("durationSeconds"));
  }

  @Test
  void theReportsAttendanceHasTheRosterStudentWhoNeverCame() throws Exception {
    store.saveRoster(
        "S-1",
        new Roster(
            List.of(new RosterEntry("radia", "Radia"), new RosterEntry("barbara", "Barbara L.")),
            true));

    SessionReport report = reports.report("S-1", ADA);

    Map<String, Attendance.Presence> presence = new HashMap<>();
    report.attendance().forEach(a -> presence.put(a.studentId(), a.presence()));
    assertEquals(Attendance.Presence.NOT_JOINED, presence.get("barbara"));
    assertEquals(Attendance.Presence.LEFT, presence.get("radia"), "no frames for 5 minutes");
    assertEquals(Attendance.Presence.LEFT, presence.get("ken"), "joined, never sent a frame");
  }

  @Test
  void aJoinCountsAsLateAfterTheDeploymentsThreshold() throws Exception {
    store.saveRoster("S-1", new Roster(List.of(new RosterEntry("grace", "Grace H.")), true));
    store.addStudent("S-1", "grace", "Grace H."); // five minutes after the session opened

    assertFalse(lateness().get("grace"), "five minutes is not more than the default five");
    reports.roster = new RosterSettings(Duration.ofMinutes(2));
    assertTrue(lateness().get("grace"));
    assertFalse(lateness().get("radia"), "joined when the session opened");
    assertEquals(2, reports.report("S-1", ADA).lateAfterMinutes(), "the report says by what");
  }

  private Map<String, Boolean> lateness() throws Exception {
    Map<String, Boolean> late = new HashMap<>();
    reports.report("S-1", ADA).attendance().forEach(a -> late.put(a.studentId(), a.late()));
    return late;
  }

  @Test
  void thePdfNamesTheSessionItsStudentsAlertsAndNotes() throws Exception {
    store.saveRoster("S-1", new Roster(List.of(new RosterEntry("barbara", "Barbara L.")), true));
    notes.add("S-1", "radia", "A1", "Zoë fetched water", ADA);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    new ReportPdf(ZoneId.of("UTC")).write(reports.report("S-1", ADA), pdf);

    try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
      String text = new PDFTextStripper().getText(document);
      assertTrue(text.contains("Session report: Algebra"), text);
      assertTrue(text.contains("=Radia Perlman"), text);
      assertTrue(text.contains("Ken Thompson"), text);
      assertTrue(text.contains("50 %"), "Radia's engaged share: " + text);
      assertTrue(text.contains("reviewed by ada"), text);
      assertTrue(text.contains("Zoë fetched water"), text);
      assertTrue(text.contains("2026-01-01 09:00:35"), "the alert's time: " + text);
      assertTrue(text.contains("Not joined (1): Barbara L."), text);
    }
  }
}
