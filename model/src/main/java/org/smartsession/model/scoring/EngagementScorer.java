package org.smartsession.model.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Engagement of a student whose face is in view: a weighted mean of gaze on screen, head frontal
 * and eyes open, over the parts that could be measured (the head pose may be missing), smoothed
 * over the rolling window. Without a face engagement is simply 0, decided by the caller.
 */
final class EngagementScorer {

  /** The smoothed engagement and this frame's parts, keyed as in {@link Indicators}. */
  record Reading(double smoothed, Map<String, Double> parts) {}

  private final ScoringSettings.Engagement settings;
  private final RollingMean mean;

  EngagementScorer(ScoringSettings settings) {
    this.settings = settings.engagement();
    this.mean = new RollingMean(settings.smoothingWindowMs(), settings.maxFrameGapMs());
  }

  Reading update(long timestamp, FaceMeasurements face, Baseline baseline, boolean afterPause) {
    if (afterPause) {
      mean.clear();
    }
    Map<String, Double> parts = new LinkedHashMap<>();
    double offScreen = settings.gazeOffScreen();
    double gaze = Scores.falling(baseline.gazeDeviation(face.gaze()), offScreen / 2, offScreen);
    double eyes =
        Scores.clamp(
            (face.eyeAspect() - settings.eyesClosedRatio())
                / (settings.eyesOpenRatio() - settings.eyesClosedRatio()));
    parts.put(Indicators.GAZE_ON_SCREEN, gaze);
    parts.put(Indicators.EYES_OPEN, eyes);
    double sum = settings.gazeWeight() * gaze + settings.eyesWeight() * eyes;
    double weights = settings.gazeWeight() + settings.eyesWeight();
    double deviation = baseline.headDeviation(face.pose());
    if (Double.isFinite(deviation)) {
      double head =
          Scores.falling(deviation, settings.headFrontalDegrees(), settings.headAwayDegrees());
      parts.put(Indicators.HEAD_FRONTAL, head);
      sum += settings.headWeight() * head;
      weights += settings.headWeight();
    }
    double engagement = weights > 0 ? Scores.clamp(sum / weights) : 0;
    return new Reading(Scores.clamp(mean.add(timestamp, engagement)), parts);
  }

  void reset() {
    mean.clear();
  }
}
