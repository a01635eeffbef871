package org.smartsession.model.scoring;

/**
 * Confusion from the four indicators: their weighted sum, smoothed over the rolling window, and a
 * streak of frames above the threshold, so one noisy frame never marks a student CONFUSED.
 */
final class ConfusionScorer {

  /** One frame's result: the smoothed score and whether the student now counts as confused. */
  record Reading(double raw, double smoothed, boolean confused) {}

  private final ScoringSettings settings;
  private final RollingMean mean;
  private int framesAbove;

  ConfusionScorer(ScoringSettings settings) {
    this.settings = settings;
    this.mean = new RollingMean(settings.smoothingWindowMs(), settings.maxFrameGapMs());
  }

  Reading update(
      long timestamp,
      double furrow,
      double gazeShifts,
      double headTilt,
      double microExpressions,
      boolean afterPause) {
    if (afterPause) {
      reset();
    }
    double raw =
        Scores.clamp(
            settings.furrow().weight() * furrow
                + settings.gaze().weight() * gazeShifts
                + settings.headTilt().weight() * headTilt
                + settings.microExpressions().weight() * microExpressions);
    double smoothed = mean.add(timestamp, raw);
    framesAbove = smoothed > settings.confusion().threshold() ? framesAbove + 1 : 0;
    return new Reading(raw, smoothed, framesAbove >= settings.confusion().consecutiveFrames());
  }

  /** A frame where confusion could not be judged breaks the streak of consecutive frames. */
  void breakStreak() {
    framesAbove = 0;
  }

  void reset() {
    mean.clear();
    framesAbove = 0;
  }
}
