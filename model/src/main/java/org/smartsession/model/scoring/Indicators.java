package org.smartsession.model.scoring;

/**
 * The keys of {@link Assessment#indicators()}, each 0..1, so a teacher sees what drives a score.
 * They are stable: dashboards and stored history rely on them.
 */
public final class Indicators {
  /** Brows drawn together, against the student's baseline. */
  public static final String EYEBROW_FURROW = "eyebrowFurrow";

  /** Gaze shifts away from centre in the rolling window. */
  public static final String GAZE_SHIFTS = "gazeShifts";

  /** Head held away from the neutral pose. */
  public static final String HEAD_TILT = "headTilt";

  /** Rapid changes of expression in the rolling window. */
  public static final String MICRO_EXPRESSIONS = "microExpressions";

  /** This frame's confusion before smoothing: the weighted sum of the four above. */
  public static final String CONFUSION_RAW = "confusionRaw";

  /** The irises near the calibrated gaze centre, i.e. looking at the screen. */
  public static final String GAZE_ON_SCREEN = "gazeOnScreen";

  /** The head near the neutral pose. */
  public static final String HEAD_FRONTAL = "headFrontal";

  /** The eyes open, from the eye aspect ratio. */
  public static final String EYES_OPEN = "eyesOpen";

  private Indicators() {}
}
