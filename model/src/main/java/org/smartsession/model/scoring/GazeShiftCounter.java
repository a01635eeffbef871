package org.smartsession.model.scoring;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts the times the iris left the gaze centre within a rolling window. A shift counts when the
 * offset first exceeds the shift threshold; the next one counts only after the gaze came back
 * within the return threshold, so a steady sideways look is one shift, not one per frame.
 */
final class GazeShiftCounter {
  private final ScoringSettings.Gaze settings;
  private final Deque<Long> shifts = new ArrayDeque<>();
  private boolean away;

  GazeShiftCounter(ScoringSettings.Gaze settings) {
    this.settings = settings;
  }

  /**
   * @param deviation the gaze's distance from the calibrated centre, in eye widths
   * @return the score: shifts in the window over the full-score count, at most 1
   */
  double update(long timestamp, double deviation) {
    if (!away && deviation > settings.shiftThreshold()) {
      away = true;
      shifts.addLast(timestamp);
    } else if (away && deviation < settings.returnThreshold()) {
      away = false;
    }
    return score(timestamp);
  }

  /** The score at a frame where the eyes could not be measured: old shifts still age out. */
  double score(long timestamp) {
    while (!shifts.isEmpty() && shifts.peekFirst() <= timestamp - settings.windowMs()) {
      shifts.removeFirst();
    }
    return Math.min(1, (double) shifts.size() / settings.fullScoreShifts());
  }

  int shiftsInWindow() {
    return shifts.size();
  }

  void reset() {
    shifts.clear();
    away = false;
  }
}
