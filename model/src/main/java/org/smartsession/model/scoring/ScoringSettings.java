package org.smartsession.model.scoring;

import static org.smartsession.model.scoring.SettingChecks.atLeast;
import static org.smartsession.model.scoring.SettingChecks.between;
import static org.smartsession.model.scoring.SettingChecks.positive;
import static org.smartsession.model.scoring.SettingChecks.weights;

import java.util.Objects;

/**
 * Every weight, threshold, window and cool-down of scoring and alerts, with the customer's defaults
 * in {@link #DEFAULTS}. Immutable and checked on construction; {@link ScoringProperties} builds it
 * from dotted property names. Times are milliseconds of the student's capture clock; distances are
 * fractions of face width unless a name says pixels.
 *
 * @param affectInference false switches confusion and engagement off entirely (EU AI Act Art.
 *     5(1)(f)); presence and integrity alerts keep working
 * @param maxFrameGapMs a longer pause between two frames breaks every sustained condition and
 *     streak: what happened in between is unknown
 * @param clockResetMs a frame older than the latest by more than this means the student's clock was
 *     reset: time-based state starts over instead of ignoring every later frame
 * @param toleratedMisses frames that may contradict a sustained condition without ending it
 * @param minFaceScore faces the detector scored below this are not counted
 * @param smoothingWindowMs rolling window of the confusion and engagement means
 */
public record ScoringSettings(
    boolean affectInference,
    long maxFrameGapMs,
    long clockResetMs,
    int toleratedMisses,
    double minFaceScore,
    long smoothingWindowMs,
    Calibration calibration,
    Furrow furrow,
    Gaze gaze,
    HeadTilt headTilt,
    MicroExpressions microExpressions,
    Confusion confusion,
    Engagement engagement,
    Alerts alerts) {

  public static final ScoringSettings DEFAULTS =
      new ScoringSettings(
          true,
          3_000,
          60_000,
          1,
          0.5,
          5_000,
          Calibration.DEFAULTS,
          Furrow.DEFAULTS,
          Gaze.DEFAULTS,
          HeadTilt.DEFAULTS,
          MicroExpressions.DEFAULTS,
          Confusion.DEFAULTS,
          Engagement.DEFAULTS,
          Alerts.DEFAULTS);

  public ScoringSettings {
    atLeast("maxFrameGapMs", maxFrameGapMs, 1);
    atLeast("clockResetMs", clockResetMs, 0);
    atLeast("toleratedMisses", toleratedMisses, 0);
    between("minFaceScore", minFaceScore, 0, 1);
    atLeast("smoothingWindowMs", smoothingWindowMs, 1);
    Objects.requireNonNull(calibration, "calibration");
    Objects.requireNonNull(furrow, "furrow");
    Objects.requireNonNull(gaze, "gaze");
    Objects.requireNonNull(headTilt, "headTilt");
    Objects.requireNonNull(microExpressions, "microExpressions");
    Objects.requireNonNull(confusion, "confusion");
    Objects.requireNonNull(engagement, "engagement");
    Objects.requireNonNull(alerts, "alerts");
    weights(
        "confusion", furrow.weight(), gaze.weight(), headTilt.weight(), microExpressions.weight());
  }

  /** These settings with affect inference switched on or off. */
  public ScoringSettings withAffectInference(boolean on) {
    return new ScoringSettings(
        on,
        maxFrameGapMs,
        clockResetMs,
        toleratedMisses,
        minFaceScore,
        smoothingWindowMs,
        calibration,
        furrow,
        gaze,
        headTilt,
        microExpressions,
        confusion,
        engagement,
        alerts);
  }

  /**
   * How a student's neutral is learnt: from frames with one face, open eyes and a head within
   * {@code maxAngleDegrees} of the camera axis, over at least {@code durationMs} and {@code
   * minFrames}.
   */
  public record Calibration(long durationMs, int minFrames, double maxAngleDegrees) {
    public static final Calibration DEFAULTS = new Calibration(3_000, 3, 30);

    public Calibration {
      atLeast("calibration durationMs", durationMs, 0);
      atLeast("calibration minFrames", minFrames, 1);
      positive("calibration maxAngleDegrees", maxAngleDegrees);
    }
  }

  /**
   * Eyebrow furrow: the inner brow ends (55, 285) drawing together. The seed baseline and the
   * confused distance are the customer's pixels for a face {@code seedFaceWidthPx} wide in a
   * 640×480 frame; their ratio is the drop below the student's own baseline that scores 1.
   */
  public record Furrow(
      double weight, double seedBaselinePx, double confusedBelowPx, double seedFaceWidthPx) {
    public static final Furrow DEFAULTS = new Furrow(0.3, 25, 18, 200);

    public Furrow {
      between("furrow weight", weight, 0, 1);
      positive("furrow seedBaselinePx", seedBaselinePx);
      positive("furrow confusedBelowPx", confusedBelowPx);
      positive("furrow seedFaceWidthPx", seedFaceWidthPx);
      if (confusedBelowPx >= seedBaselinePx) {
        throw new IllegalArgumentException("furrow confusedBelowPx must be below seedBaselinePx");
      }
    }

    /** The brow distance as a fraction of face width before a student is calibrated. */
    public double seedRatio() {
      return seedBaselinePx / seedFaceWidthPx;
    }

    /** The fraction of the baseline at which the indicator reaches 1 (0.72 by default). */
    public double fullScoreFraction() {
      return confusedBelowPx / seedBaselinePx;
    }
  }

  /**
   * Gaze shifts: the iris leaving the calibrated centre by more than {@code shiftThreshold} eye
   * widths counts one shift; it must come back within {@code returnThreshold} before the next one
   * counts. The score is shifts in the window over {@code fullScoreShifts}, at most 1.
   */
  public record Gaze(
      double weight,
      long windowMs,
      double shiftThreshold,
      double returnThreshold,
      int fullScoreShifts) {
    public static final Gaze DEFAULTS = new Gaze(0.4, 5_000, 0.1, 0.05, 5);

    public Gaze {
      between("gaze weight", weight, 0, 1);
      atLeast("gaze windowMs", windowMs, 1);
      positive("gaze shiftThreshold", shiftThreshold);
      positive("gaze returnThreshold", returnThreshold);
      if (returnThreshold > shiftThreshold) {
        throw new IllegalArgumentException("gaze returnThreshold may not exceed shiftThreshold");
      }
      atLeast("gaze fullScoreShifts", fullScoreShifts, 1);
    }
  }

  /**
   * Head tilt: |pitch| + |yaw| from the neutral pose beyond {@code thresholdDegrees} for more than
   * {@code sustainMs} scores that sum over {@code fullScoreDegrees}, at most 1.
   */
  public record HeadTilt(
      double weight, double thresholdDegrees, long sustainMs, double fullScoreDegrees) {
    public static final HeadTilt DEFAULTS = new HeadTilt(0.2, 15, 3_000, 30);

    public HeadTilt {
      between("head tilt weight", weight, 0, 1);
      positive("head tilt thresholdDegrees", thresholdDegrees);
      atLeast("head tilt sustainMs", sustainMs, 0);
      positive("head tilt fullScoreDegrees", fullScoreDegrees);
    }
  }

  /**
   * Micro-expressions: a mouth or brow landmark moving more than {@code changeFraction} of face
   * width between two frames at most {@code withinMs} apart counts one change; the score is changes
   * in the window over {@code fullScoreChanges}, at most 1.
   */
  public record MicroExpressions(
      double weight, double changeFraction, long withinMs, long windowMs, int fullScoreChanges) {
    public static final MicroExpressions DEFAULTS = new MicroExpressions(0.1, 0.05, 500, 5_000, 3);

    public MicroExpressions {
      between("micro-expressions weight", weight, 0, 1);
      positive("micro-expressions changeFraction", changeFraction);
      atLeast("micro-expressions withinMs", withinMs, 1);
      atLeast("micro-expressions windowMs", windowMs, 1);
      atLeast("micro-expressions fullScoreChanges", fullScoreChanges, 1);
    }
  }

  /** CONFUSED after {@code consecutiveFrames} frames whose smoothed confusion exceeds threshold. */
  public record Confusion(double threshold, int consecutiveFrames) {
    public static final Confusion DEFAULTS = new Confusion(0.6, 3);

    public Confusion {
      between("confusion threshold", threshold, 0, 1);
      atLeast("confusion consecutiveFrames", consecutiveFrames, 1);
    }
  }

  /**
   * Engagement: a weighted mean of gaze on screen, head frontal and eyes open, each 0..1, over the
   * parts that could be measured; 0 without a face. Gaze counts fully within half of {@code
   * gazeOffScreen} eye widths of the centre and not at all beyond it; the head fully within {@code
   * headFrontalDegrees} and not at all beyond {@code headAwayDegrees}; the eyes fully at an aspect
   * ratio (lid gap over eye width) of {@code eyesOpenRatio} and not at all at {@code
   * eyesClosedRatio}. Below {@code lowBelow} the student is encouraged to stay focused.
   */
  public record Engagement(
      double gazeWeight,
      double headWeight,
      double eyesWeight,
      double gazeOffScreen,
      double headFrontalDegrees,
      double headAwayDegrees,
      double eyesClosedRatio,
      double eyesOpenRatio,
      double lowBelow) {
    public static final Engagement DEFAULTS =
        new Engagement(0.4, 0.3, 0.3, 0.2, 15, 45, 0.1, 0.2, 0.4);

    public Engagement {
      weights("engagement", gazeWeight, headWeight, eyesWeight);
      positive("engagement gazeOffScreen", gazeOffScreen);
      positive("engagement headFrontalDegrees", headFrontalDegrees);
      if (!(headAwayDegrees > headFrontalDegrees)) {
        throw new IllegalArgumentException(
            "engagement headAwayDegrees must exceed headFrontalDegrees");
      }
      positive("engagement eyesClosedRatio", eyesClosedRatio);
      if (!(eyesOpenRatio > eyesClosedRatio)) {
        throw new IllegalArgumentException("engagement eyesOpenRatio must exceed eyesClosedRatio");
      }
      between("engagement lowBelow", lowBelow, 0, 1);
    }
  }

  /**
   * When integrity alerts are raised. MULTIPLE_FACES needs {@code multipleFacesFrames} of the last
   * {@code multipleFacesOfLast} frames with two or more faces; the others need their condition
   * sustained. A condition that continues raises once; the same type is not raised again for the
   * student within {@code cooldownMs}. Looking away is a head turned beyond {@code
   * lookingAwayHeadDegrees} (|pitch| + |yaw| from neutral) or an iris beyond {@code
   * lookingAwayGazeOffset} eye widths from the centre. A frame without a face is blocked when its
   * mean luma is below {@code darkMeanLumaBelow} or its standard deviation below {@code
   * uniformLumaStdDevBelow}.
   */
  public record Alerts(
      long cooldownMs,
      int multipleFacesFrames,
      int multipleFacesOfLast,
      long noFaceAfterMs,
      long lookingAwayAfterMs,
      double lookingAwayHeadDegrees,
      double lookingAwayGazeOffset,
      long cameraBlockedAfterMs,
      double darkMeanLumaBelow,
      double uniformLumaStdDevBelow) {

    public static final Alerts DEFAULTS =
        new Alerts(60_000, 2, 3, 10_000, 8_000, 30, 0.25, 3_000, 25, 8);

    public Alerts {
      atLeast("alerts cooldownMs", cooldownMs, 0);
      atLeast("alerts multipleFacesFrames", multipleFacesFrames, 1);
      if (multipleFacesOfLast < multipleFacesFrames) {
        throw new IllegalArgumentException(
            "alerts multipleFacesOfLast must be at least multipleFacesFrames");
      }
      atLeast("alerts noFaceAfterMs", noFaceAfterMs, 0);
      atLeast("alerts lookingAwayAfterMs", lookingAwayAfterMs, 0);
      positive("alerts lookingAwayHeadDegrees", lookingAwayHeadDegrees);
      positive("alerts lookingAwayGazeOffset", lookingAwayGazeOffset);
      atLeast("alerts cameraBlockedAfterMs", cameraBlockedAfterMs, 0);
      between("alerts darkMeanLumaBelow", darkMeanLumaBelow, 0, 255);
      between("alerts uniformLumaStdDevBelow", uniformLumaStdDevBelow, 0, 255);
    }
  }
}
