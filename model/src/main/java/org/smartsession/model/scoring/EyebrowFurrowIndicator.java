package org.smartsession.model.scoring;

/**
 * Brows drawn together: 0 at or above the student's baseline gap, rising linearly to 1 when the gap
 * has shrunk to the configured fraction of it (18 px of 25 px, 72 %, by default).
 */
final class EyebrowFurrowIndicator {
  private final double fullScoreFraction;

  EyebrowFurrowIndicator(ScoringSettings.Furrow settings) {
    this.fullScoreFraction = settings.fullScoreFraction();
  }

  double score(double browGap, double baselineGap) {
    double fraction = browGap / baselineGap;
    return Scores.clamp((1 - fraction) / (1 - fullScoreFraction));
  }
}
