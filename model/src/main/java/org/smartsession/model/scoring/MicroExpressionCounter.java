package org.smartsession.model.scoring;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts rapid changes of expression within a rolling window: a frame counts one when a mouth or
 * brow point moved more than the configured fraction of face width since the previous frame, and
 * that frame is at most {@code withinMs} older. Frames further apart show slow changes, which are
 * not micro-expressions; so at one frame per second this indicator stays 0.
 */
final class MicroExpressionCounter {
  private final ScoringSettings.MicroExpressions settings;
  private final Deque<Long> changes = new ArrayDeque<>();
  private FaceMeasurements previous;
  private long previousAt;

  MicroExpressionCounter(ScoringSettings.MicroExpressions settings) {
    this.settings = settings;
  }

  /**
   * @return changes in the window over the full-score count, at most 1
   */
  double update(long timestamp, FaceMeasurements face) {
    if (previous != null
        && timestamp - previousAt <= settings.withinMs()
        && face.largestMoveFrom(previous) > settings.changeFraction()) {
      changes.addLast(timestamp);
    }
    previous = face;
    previousAt = timestamp;
    return score(timestamp);
  }

  /** The score at a frame without usable landmarks; the next frame has nothing to compare with. */
  double score(long timestamp) {
    while (!changes.isEmpty() && changes.peekFirst() <= timestamp - settings.windowMs()) {
      changes.removeFirst();
    }
    return Math.min(1, (double) changes.size() / settings.fullScoreChanges());
  }

  void forgetPrevious() {
    previous = null;
  }

  void reset() {
    changes.clear();
    previous = null;
  }
}
