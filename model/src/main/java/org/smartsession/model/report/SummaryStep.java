package org.smartsession.model.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.session.HistoryPoint;
import org.smartsession.model.session.StudentStatus;

/**
 * One step of a session's summary over time, {@code from <= t < to}: the students seen in it, and
 * of those how many were last present, engaged, confused or away (no face) in the step; the mean
 * confusion and engagement of all their points (null without affect inference); the alerts raised.
 */
public record SummaryStep(
    long from,
    long to,
    int students,
    int present,
    int engaged,
    int confused,
    int away,
    Double meanConfusion,
    Double meanEngagement,
    int alerts) {

  /**
   * The summary of a session from its first history point to its last, in steps of whole minutes.
   *
   * @param histories every student's points, oldest first
   */
  public static List<SummaryStep> over(
      Collection<List<HistoryPoint>> histories, List<Alert> alerts, ReportTiming timing) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (List<HistoryPoint> points : histories) {
      if (!points.isEmpty()) {
        first = Math.min(first, points.get(0).timestamp());
        last = Math.max(last, points.get(points.size() - 1).timestamp());
      }
    }
    if (first > last) {
      return List.of();
    }
    long start = first - Math.floorMod(first, ReportTiming.MIN_BUCKET_MS);
    long step = timing.bucketMs(last + timing.pointMs() - start);
    int count = (int) ((last - start) / step) + 1;
    Accumulator[] acc = new Accumulator[count];
    for (int i = 0; i < count; i++) {
      acc[i] = new Accumulator();
    }
    for (List<HistoryPoint> points : histories) {
      HistoryPoint latest = null;
      int latestStep = -1;
      for (HistoryPoint p : points) {
        int index = (int) ((p.timestamp() - start) / step);
        if (index != latestStep && latest != null) {
          acc[latestStep].countStudent(latest.status());
        }
        acc[index].add(p);
        latest = p;
        latestStep = index;
      }
      if (latest != null) {
        acc[latestStep].countStudent(latest.status());
      }
    }
    for (Alert a : alerts) {
      long index = Math.floorDiv(a.timestamp() - start, step);
      if (index >= 0 && index < count) {
        acc[(int) index].alerts++;
      }
    }
    List<SummaryStep> steps = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      steps.add(acc[i].step(start + i * step, start + (i + 1) * step));
    }
    return steps;
  }

  /** What one step has seen so far. */
  private static final class Accumulator {
    int students;
    int present;
    int engaged;
    int confused;
    int away;
    int alerts;
    double confusionSum;
    int confusionCount;
    double engagementSum;
    int engagementCount;

    void add(HistoryPoint p) {
      if (p.confusion() != null) {
        confusionSum += p.confusion();
        confusionCount++;
      }
      if (p.engagement() != null) {
        engagementSum += p.engagement();
        engagementCount++;
      }
    }

    /** A student whose latest status in the step is {@code status}. */
    void countStudent(StudentStatus status) {
      students++;
      present += status.isActive() ? 1 : 0;
      engaged += status == StudentStatus.ENGAGED ? 1 : 0;
      confused += status == StudentStatus.CONFUSED ? 1 : 0;
      away += status == StudentStatus.DISENGAGED || status == StudentStatus.IDLE ? 1 : 0;
    }

    SummaryStep step(long from, long to) {
      return new SummaryStep(
          from,
          to,
          students,
          present,
          engaged,
          confused,
          away,
          confusionCount == 0 ? null : confusionSum / confusionCount,
          engagementCount == 0 ? null : engagementSum / engagementCount,
          alerts);
    }
  }
}
