package org.smartsession.model.scoring;

import java.util.Objects;
import org.smartsession.model.face.HeadPose;

/**
 * A student's neutral: brow gap (fraction of face width), head pose and gaze centre. Head pose and
 * gaze are judged relative to it, because cameras sit at different angles to their students.
 */
record Baseline(double browGap, HeadPose neutralPose, GazeOffset gazeCentre) {
  Baseline {
    Objects.requireNonNull(neutralPose, "neutralPose");
    Objects.requireNonNull(gazeCentre, "gazeCentre");
  }

  /** The customer's seed, used until a student is calibrated: frontal, centred, 25 px of 200. */
  static Baseline seed(ScoringSettings.Furrow furrow) {
    return new Baseline(furrow.seedRatio(), HeadPose.FRONTAL, GazeOffset.CENTRE);
  }

  /** How far the head is turned from neutral: |pitch| + |yaw| in degrees; NaN when unknown. */
  double headDeviation(HeadPose pose) {
    if (pose == null) {
      return Double.NaN;
    }
    HeadPose relative = pose.minus(neutralPose);
    return Math.abs(relative.pitch()) + Math.abs(relative.yaw());
  }

  double gazeDeviation(GazeOffset gaze) {
    return gaze.distanceTo(gazeCentre);
  }
}
