package org.smartsession.model.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smartsession.model.face.HeadPose;

/**
 * Learns a student's {@link Baseline} from their first seconds of frontal frames: one face, eyes
 * open, head within the configured angle of the camera axis. Medians, so a blink or a glance during
 * calibration does not shift the neutral. Until enough frames are in, the seed applies.
 */
final class CalibrationRecorder {
  private final ScoringSettings.Calibration settings;
  private final double eyesOpenRatio;
  private final Baseline seed;
  private final List<FaceMeasurements> samples = new ArrayList<>();
  private long firstAt;
  private long lastAt;
  private Baseline calibrated;

  CalibrationRecorder(ScoringSettings settings) {
    this.settings = settings.calibration();
    this.eyesOpenRatio = settings.engagement().eyesOpenRatio();
    this.seed = Baseline.seed(settings.furrow());
  }

  /** Takes a frame's measurements of the only face in view, if they look neutral enough. */
  void offer(long timestamp, FaceMeasurements face) {
    if (calibrated != null || face == null || !isFrontal(face)) {
      return;
    }
    if (samples.isEmpty()) {
      firstAt = timestamp;
    }
    samples.add(face);
    lastAt = timestamp;
    if (samples.size() >= settings.minFrames() && lastAt - firstAt >= settings.durationMs()) {
      calibrated = median(samples);
      samples.clear();
    }
  }

  boolean isCalibrated() {
    return calibrated != null;
  }

  /** The learnt baseline, or the seed while calibrating. */
  Baseline baseline() {
    return calibrated != null ? calibrated : seed;
  }

  /** Forgets the learnt baseline: the next frontal frames set a new one. */
  void restart() {
    calibrated = null;
    samples.clear();
  }

  private boolean isFrontal(FaceMeasurements face) {
    HeadPose pose = face.pose();
    boolean headFrontal =
        pose == null
            || (Math.abs(pose.pitch()) <= settings.maxAngleDegrees()
                && Math.abs(pose.yaw()) <= settings.maxAngleDegrees());
    return headFrontal && face.eyeAspect() >= eyesOpenRatio;
  }

  private static Baseline median(List<FaceMeasurements> samples) {
    double brow = median(samples.stream().mapToDouble(FaceMeasurements::browGap).toArray());
    double gazeX = median(samples.stream().mapToDouble(s -> s.gaze().x()).toArray());
    double gazeY = median(samples.stream().mapToDouble(s -> s.gaze().y()).toArray());
    List<HeadPose> poses =
        samples.stream().map(FaceMeasurements::pose).filter(p -> p != null).toList();
    HeadPose neutral =
        poses.isEmpty()
            ? HeadPose.FRONTAL
            : new HeadPose(
                median(poses.stream().mapToDouble(HeadPose::pitch).toArray()),
                median(poses.stream().mapToDouble(HeadPose::yaw).toArray()),
                median(poses.stream().mapToDouble(HeadPose::roll).toArray()));
    return new Baseline(brow, neutral, new GazeOffset(gazeX, gazeY));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
