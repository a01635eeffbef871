package org.smartsession.model.report;

import java.util.List;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.session.HistoryPoint;

/**
 * One student in a session's report: when they were first and last seen (history times, null when
 * never), their shares of time, mean confusion and engagement (null without affect inference), and
 * their alerts: raised, still open, and the notes teachers wrote on them.
 */
public record StudentSummary(
    String studentId,
    String name,
    Long firstSeenAt,
    Long lastSeenAt,
    TimeShares shares,
    Double meanConfusion,
    Double meanEngagement,
    int alerts,
    int openAlerts,
    int notes) {

  /**
   * @param history the student's points, oldest first
   * @param alerts the student's alerts
   */
  public static StudentSummary of(
      String studentId,
      String name,
      List<HistoryPoint> history,
      List<Alert> alerts,
      int notes,
      ReportTiming timing) {
    return new StudentSummary(
        studentId,
        name,
        history.isEmpty() ? null : history.get(0).timestamp(),
        history.isEmpty() ? null : history.get(history.size() - 1).timestamp(),
        TimeShares.of(history, timing.maxGapMs(), timing.pointMs()),
        Means.of(history.stream().map(HistoryPoint::confusion)),
        Means.of(history.stream().map(HistoryPoint::engagement)),
        alerts.size(),
        (int) alerts.stream().filter(Alert::isOpen).count(),
        notes);
  }
}
