package org.smartsession.model.scoring;

import java.util.Optional;
import org.smartsession.model.alerts.AlertType;

/**
 * Raises an alert once a per-frame condition has held for the configured time, once per episode.
 * Its confidence is the share of the episode's frames in which the condition held.
 */
final class SustainedAlertRule {
  private final AlertType type;
  private final long afterMs;
  private final String what;
  private final SustainedCondition condition;
  private long alertedEpisode;

  /**
   * @param what the condition in words, completing "... for N s", e.g. "No face in view"
   */
  SustainedAlertRule(AlertType type, long afterMs, String what, int toleratedMisses) {
    this.type = type;
    this.afterMs = afterMs;
    this.what = what;
    this.condition = new SustainedCondition(toleratedMisses);
  }

  /** An alert to raise at this frame, before the cool-down is applied. */
  Optional<RaisedAlert> update(long timestamp, boolean holds, boolean afterPause) {
    condition.update(timestamp, holds, afterPause);
    if (!condition.heldLast()
        || condition.durationMs() < afterMs
        || condition.episode() == alertedEpisode) {
      return Optional.empty();
    }
    alertedEpisode = condition.episode();
    long duration = condition.durationMs();
    return Optional.of(
        new RaisedAlert(
            type,
            timestamp,
            what + " for " + Math.round(duration / 1000.0) + " s.",
            duration,
            condition.heldShare()));
  }

  void reset() {
    condition.reset();
  }
}
