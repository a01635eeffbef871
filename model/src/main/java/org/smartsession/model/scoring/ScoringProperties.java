package org.smartsession.model.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds {@link ScoringSettings} from dotted property names such as {@code
 * smartsession.scoring.gaze.weight}, so a deployment can set any of them through MicroProfile
 * Config, the environment or a file. Unset names keep the default; {@code model/SCORING.md} lists
 * them all.
 */
public final class ScoringProperties {
  public static final String PREFIX = "smartsession.scoring.";

  /** The deployment's policy switch for affect inference, shared with the rest of the server. */
  public static final String AFFECT_INFERENCE = "smartsession.affect-inference.enabled";

  private final Function<String, String> lookup;

  private ScoringProperties(Function<String, String> lookup) {
    this.lookup = lookup;
  }

  /**
   * Reads every setting through {@code lookup}, which returns a property's text or null when it is
   * not set, e.g. {@code name -> config.getOptionalValue(name, String.class).orElse(null)}.
   *
   * @throws IllegalArgumentException naming the property when a value is not a number or out of
   *     range
   */
  public static ScoringSettings read(Function<String, String> lookup) {
    return new ScoringProperties(Objects.requireNonNull(lookup, "lookup")).settings();
  }

  /** Every property name {@link #read} looks up. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    read(
        name -> {
          names.add(name);
          return null;
        });
    return List.copyOf(names);
  }

  private ScoringSettings settings() {
    ScoringSettings d = ScoringSettings.DEFAULTS;
    return new ScoringSettings(
        bool(AFFECT_INFERENCE, d.affectInference()),
        integer("max-frame-gap-ms", d.maxFrameGapMs()),
        integer("clock-reset-ms", d.clockResetMs()),
        count("tolerated-misses", d.toleratedMisses()),
        number("face.min-score", d.minFaceScore()),
        integer("smoothing-window-ms", d.smoothingWindowMs()),
        calibration(d.calibration()),
        furrow(d.furrow()),
        gaze(d.gaze()),
        headTilt(d.headTilt()),
        microExpressions(d.microExpressions()),
        confusion(d.confusion()),
        engagement(d.engagement()),
        alerts(d.alerts()));
  }

  private ScoringSettings.Calibration calibration(ScoringSettings.Calibration d) {
    return new ScoringSettings.Calibration(
        integer("calibration.duration-ms", d.durationMs()),
        count("calibration.min-frames", d.minFrames()),
        number("calibration.max-angle-degrees", d.maxAngleDegrees()));
  }

  private ScoringSettings.Furrow furrow(ScoringSettings.Furrow d) {
    return new ScoringSettings.Furrow(
        number("furrow.weight", d.weight()),
        number("furrow.seed-baseline-px", d.seedBaselinePx()),
        number("furrow.confused-below-px", d.confusedBelowPx()),
        number("furrow.seed-face-width-px", d.seedFaceWidthPx()));
  }

  private ScoringSettings.Gaze gaze(ScoringSettings.Gaze d) {
    return new ScoringSettings.Gaze(
        number("gaze.weight", d.weight()),
        integer("gaze.window-ms", d.windowMs()),
        number("gaze.shift-threshold", d.shiftThreshold()),
        number("gaze.return-threshold", d.returnThreshold()),
        count("gaze.full-score-shifts", d.fullScoreShifts()));
  }

  private ScoringSettings.HeadTilt headTilt(ScoringSettings.HeadTilt d) {
    return new ScoringSettings.HeadTilt(
        number("head-tilt.weight", d.weight()),
        number("head-tilt.threshold-degrees", d.thresholdDegrees()),
        integer("head-tilt.sustain-ms", d.sustainMs()),
        number("head-tilt.full-score-degrees", d.fullScoreDegrees()));
  }

  private ScoringSettings.MicroExpressions microExpressions(ScoringSettings.MicroExpressions d) {
    return new ScoringSettings.MicroExpressions(
        number("micro-expressions.weight", d.weight()),
        number("micro-expressions.change-fraction", d.changeFraction()),
        integer("micro-expressions.within-ms", d.withinMs()),
        integer("micro-expressions.window-ms", d.windowMs()),
        count("micro-expressions.full-score-changes", d.fullScoreChanges()));
  }

  private ScoringSettings.Confusion confusion(ScoringSettings.Confusion d) {
    return new ScoringSettings.Confusion(
        number("confusion.threshold", d.threshold()),
        count("confusion.consecutive-frames", d.consecutiveFrames()));
  }

  private ScoringSettings.Engagement engagement(ScoringSettings.Engagement d) {
    return new ScoringSettings.Engagement(
        number("engagement.gaze-weight", d.gazeWeight()),
        number("engagement.head-weight", d.headWeight()),
        number("engagement.eyes-weight", d.eyesWeight()),
        number("engagement.gaze-off-screen", d.gazeOffScreen()),
        number("engagement.head-frontal-degrees", d.headFrontalDegrees()),
        number("engagement.head-away-degrees", d.headAwayDegrees()),
        number("engagement.eyes-closed-ratio", d.eyesClosedRatio()),
        number("engagement.eyes-open-ratio", d.eyesOpenRatio()),
        number("engagement.low-below", d.lowBelow()));
  }

  private ScoringSettings.Alerts alerts(ScoringSettings.Alerts d) {
    return new ScoringSettings.Alerts(
        integer("alerts.cooldown-ms", d.cooldownMs()),
        count("alerts.multiple-faces.frames", d.multipleFacesFrames()),
        count("alerts.multiple-faces.of-last", d.multipleFacesOfLast()),
        integer("alerts.no-face.after-ms", d.noFaceAfterMs()),
        integer("alerts.looking-away.after-ms", d.lookingAwayAfterMs()),
        number("alerts.looking-away.head-degrees", d.lookingAwayHeadDegrees()),
        number("alerts.looking-away.gaze-offset", d.lookingAwayGazeOffset()),
        integer("alerts.camera-blocked.after-ms", d.cameraBlockedAfterMs()),
        number("alerts.camera-blocked.dark-mean-luma-below", d.darkMeanLumaBelow()),
        number("alerts.camera-blocked.uniform-luma-std-dev-below", d.uniformLumaStdDevBelow()));
  }

  private String text(String name) {
    String value = lookup.apply(PREFIX + name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A yes/no property, looked up by its full name. */
  private boolean bool(String fullName, boolean fallback) {
    String value = lookup.apply(fullName);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    value = value.trim();
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(fullName + " must be true or false, was " + value);
  }

  private long integer(String name, long fallback) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          PREFIX + name + " must be a whole number, was " + value, e);
    }
  }

  private int count(String name, int fallback) {
    long value = integer(name, fallback);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(PREFIX + name + " is too large: " + value);
    }
    return (int) value;
  }

  private double number(String name, double fallback) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    try {
      double parsed = Double.parseDouble(value);
      if (!Double.isFinite(parsed)) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PREFIX + name + " must be a number, was " + value, e);
    }
  }
}
