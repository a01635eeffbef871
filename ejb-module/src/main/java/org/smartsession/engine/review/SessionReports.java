package org.smartsession.engine.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartsession.engine.alerts.AlertMessages;
import org.smartsession.engine.config.RosterSettings;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.engine.config.SummarySettings;
import org.smartsession.engine.session.AuditAction;
import org.smartsession.engine.session.AuditLog;
import org.smartsession.engine.session.NotPermittedException;
import org.smartsession.engine.session.SessionService;
import org.smartsession.engine.session.UnknownSessionException;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.report.ReportTiming;
import org.smartsession.model.report.ReportedSession;
import org.smartsession.model.report.SessionReport;
import org.smartsession.model.report.StudentSummary;
import org.smartsession.model.report.StudentTimeline;
import org.smartsession.model.report.SummaryStep;
import org.smartsession.model.session.Attendance;
import org.smartsession.model.session.HistoryPoint;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.Teacher;
import org.smartsession.model.session.TeacherNote;

/**
 * A session's report and a student's timeline, for the session's teachers and admins, live or
 * afterwards; exports are audited (who, when, which format), since they take data out.
 */
@ApplicationScoped
public class SessionReports {
  /** The summary over time has at most this many steps: two hours in minutes, longer in more. */
  static final int MAX_STEPS = 120;

  /** A history point stands for at least the time between two frames at 5 per second. */
  private static final long MIN_POINT_MS = 200;

  @Inject SessionService sessions;
  @Inject SessionStore store;
  @Inject AuditLog audit;
  @Inject SummarySettings summary;
  @Inject StoreLimits limits;
  @Inject RosterSettings roster;
  @Inject Clock clock;

  public SessionReport report(String sessionId, Teacher by)
      throws UnknownSessionException, NotPermittedException {
    SessionInfo session = sessions.forTeacher(sessionId, by);
    ReportTiming timing = timing();
    List<Alert> alerts = store.alerts(sessionId);
    List<TeacherNote> notes = store.notes(sessionId);
    Map<String, List<HistoryPoint>> histories = new LinkedHashMap<>();
    List<StudentSummary> students = new ArrayList<>();
    List<StudentState> states = store.studentStates(sessionId);
    for (StudentState s : byName(states)) {
      List<HistoryPoint> history = store.history(sessionId, s.studentId(), 0, Long.MAX_VALUE);
      histories.put(s.studentId(), history);
      students.add(summaryOf(s, history, alerts, notes, timing));
    }
    return new SessionReport(
        SessionReport.SCHEMA_VERSION,
        clock.millis(),
        reported(session),
        SummaryStep.over(histories.values(), alerts, timing),
        students,
        alerts.stream().map(a -> AlertMessages.of(a.withScreenshot(null))).toList(),
        notes,
        Attendance.of(
            session,
            store.roster(sessionId).orElse(null),
            states.stream().map(s -> s.asSeenAt(clock.millis(), summary.idleAfterMs())).toList(),
            store.joinTimes(sessionId),
            roster.lateAfter().toMillis()),
        roster.lateAfter().toMinutes());
  }

  /** The report of an export in {@code format}, which the audit log records. */
  public SessionReport export(String sessionId, Teacher by, String format)
      throws UnknownSessionException, NotPermittedException {
    SessionReport report = report(sessionId, by);
    audit.record(sessionId, by, AuditAction.REPORT_EXPORTED, format);
    return report;
  }

  /**
   * @throws UnknownSessionException also when the student never joined the session (or was erased)
   */
  public StudentTimeline timeline(String sessionId, String studentId, Teacher by)
      throws UnknownSessionException, NotPermittedException {
    sessions.forTeacher(sessionId, by);
    StudentState student =
        store
            .studentState(sessionId, studentId)
            .orElseThrow(
                () ->
                    new UnknownSessionException(
                        "no student " + studentId + " in session " + sessionId));
    List<HistoryPoint> history = store.history(sessionId, studentId, 0, Long.MAX_VALUE);
    List<Alert> alerts =
        store.alerts(sessionId).stream().filter(a -> a.studentId().equals(studentId)).toList();
    List<TeacherNote> notes =
        store.notes(sessionId).stream().filter(n -> n.studentId().equals(studentId)).toList();
    return new StudentTimeline(
        sessionId,
        summaryOf(student, history, alerts, notes, timing()),
        history,
        alerts.stream().map(AlertMessages::of).toList(),
        notes);
  }

  private ReportTiming timing() {
    return new ReportTiming(
        summary.idleAfterMs(), Math.max(limits.historyIntervalMs(), MIN_POINT_MS), MAX_STEPS);
  }

  private ReportedSession reported(SessionInfo s) {
    return new ReportedSession(
        s.sessionId(),
        s.name(),
        s.kind().name(),
        s.phaseAt(clock.millis()).name(),
        s.owner(),
        store.teachers(s.sessionId()).stream().sorted().toList(),
        s.createdAt(),
        s.opensAt(),
        s.endedAt());
  }

  private static StudentSummary summaryOf(
      StudentState s,
      List<HistoryPoint> history,
      List<Alert> alerts,
      List<TeacherNote> notes,
      ReportTiming timing) {
    String id = s.studentId();
    return StudentSummary.of(
        id,
        s.name() == null ? id : s.name(),
        history,
        alerts.stream().filter(a -> a.studentId().equals(id)).toList(),
        (int) notes.stream().filter(n -> n.studentId().equals(id)).count(),
        timing);
  }

  private static List<StudentState> byName(List<StudentState> states) {
    List<StudentState> sorted = new ArrayList<>(states);
    sorted.sort(
        Comparator.comparing((StudentState s) -> s.name() == null ? s.studentId() : s.name())
            .thenComparing(StudentState::studentId));
    return sorted;
  }
}
