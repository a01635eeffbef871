package org.smartsession.model.report;

import java.util.List;
import org.smartsession.model.session.HistoryPoint;

/**
 * How a student spent the time from their first history point to their last: {@code observedMs} in
 * all, and the shares of it (0 to 1) with a face present, engaged, confused, and away (no face, or
 * no frames at all). Engaged and confused are parts of present; a share is null when nothing was
 * observed.
 */
public record TimeShares(
    long observedMs, Double present, Double engaged, Double confused, Double away) {

  public static final TimeShares NONE = new TimeShares(0, null, null, null, null);

  /**
   * Each point stands for the time until the next one, up to {@code maxGapMs} (after that the
   * student would have shown as idle: the rest of the gap is away); the last point stands for
   * {@code pointMs}, one history interval.
   *
   * @param points oldest first
   */
  public static TimeShares of(List<HistoryPoint> points, long maxGapMs, long pointMs) {
    long observed = 0;
    long present = 0;
    long engaged = 0;
    long confused = 0;
    long away = 0;
    for (int i = 0; i < points.size(); i++) {
      HistoryPoint point = points.get(i);
      long until =
          i + 1 < points.size() ? points.get(i + 1).timestamp() - point.timestamp() : pointMs;
      long covered = Math.min(Math.max(until, 0), maxGapMs);
      observed += Math.max(until, 0);
      away += Math.max(until, 0) - covered;
      switch (point.status()) {
        case ENGAGED -> {
          present += covered;
          engaged += covered;
        }
        case CONFUSED -> {
          present += covered;
          confused += covered;
        }
        case PRESENT -> present += covered;
        case DISENGAGED, IDLE -> away += covered;
        default -> {
          // Joined or not analysable: observed, in none of the shares.
        }
      }
    }
    if (observed == 0) {
      return NONE;
    }
    double all = observed;
    return new TimeShares(observed, present / all, engaged / all, confused / all, away / all);
  }
}
