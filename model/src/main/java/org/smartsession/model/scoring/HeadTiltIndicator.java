package org.smartsession.model.scoring;

/**
 * A head held away from the neutral pose: once |pitch| + |yaw| from neutral has stayed beyond the
 * threshold for longer than the sustain time, it scores that sum over the full-score angle, at most
 * 1. A brief turn scores 0.
 */
final class HeadTiltIndicator {
  private final ScoringSettings.HeadTilt settings;
  private final SustainedCondition turned;

  HeadTiltIndicator(ScoringSettings.HeadTilt settings, int toleratedMisses) {
    this.settings = settings;
    this.turned = new SustainedCondition(toleratedMisses);
  }

  /**
   * @param deviation |pitch| + |yaw| from neutral in degrees; NaN when the pose is unknown
   */
  double update(long timestamp, double deviation, boolean afterPause) {
    boolean beyond = deviation > settings.thresholdDegrees();
    turned.update(timestamp, beyond, afterPause);
    if (beyond && turned.durationMs() > settings.sustainMs()) {
      return Scores.clamp(deviation / settings.fullScoreDegrees());
    }
    return 0;
  }

  void reset() {
    turned.reset();
  }
}
