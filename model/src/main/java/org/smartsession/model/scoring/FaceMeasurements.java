package org.smartsession.model.scoring;

import static org.smartsession.model.face.Landmarks.LEFT_EYEBROW_INNER;
import static org.smartsession.model.face.Landmarks.LEFT_EYE_INNER;
import static org.smartsession.model.face.Landmarks.LEFT_EYE_LOWER;
import static org.smartsession.model.face.Landmarks.LEFT_EYE_OUTER;
import static org.smartsession.model.face.Landmarks.LEFT_EYE_UPPER;
import static org.smartsession.model.face.Landmarks.LEFT_FACE_EDGE;
import static org.smartsession.model.face.Landmarks.LEFT_IRIS_CENTER;
import static org.smartsession.model.face.Landmarks.LOWER_LIP;
import static org.smartsession.model.face.Landmarks.MOUTH_LEFT;
import static org.smartsession.model.face.Landmarks.MOUTH_RIGHT;
import static org.smartsession.model.face.Landmarks.NOSE_TIP;
import static org.smartsession.model.face.Landmarks.RIGHT_EYEBROW_INNER;
import static org.smartsession.model.face.Landmarks.RIGHT_EYE_INNER;
import static org.smartsession.model.face.Landmarks.RIGHT_EYE_LOWER;
import static org.smartsession.model.face.Landmarks.RIGHT_EYE_OUTER;
import static org.smartsession.model.face.Landmarks.RIGHT_EYE_UPPER;
import static org.smartsession.model.face.Landmarks.RIGHT_FACE_EDGE;
import static org.smartsession.model.face.Landmarks.RIGHT_IRIS_CENTER;
import static org.smartsession.model.face.Landmarks.UPPER_LIP;

import org.smartsession.model.face.Face;
import org.smartsession.model.face.HeadPose;
import org.smartsession.model.face.HeadPoseEstimator;
import org.smartsession.model.face.Landmarks;

/**
 * What the scoring rules read from one face's landmarks, already normalised so that it does not
 * depend on how far the student sits from the camera or how the head is rolled: distances are
 * fractions of the face width (landmarks 234 to 454), and positions are taken along the line
 * through the outer eye corners (x) and across it (y), from the nose tip.
 *
 * @param faceWidthPx the face width in frame pixels
 * @param browGap the inner brow ends' distance (55 to 285) over face width
 * @param eyeAspect each eye's lid gap over its corner distance, averaged: about 0.3 open, 0 shut
 * @param gaze where the irises sit in the eyes
 * @param expression mouth and brow points as x, y pairs relative to the nose tip, over face width
 * @param pose the head pose, from the engine or else from the mesh; null when unknown
 */
record FaceMeasurements(
    double faceWidthPx,
    double browGap,
    double eyeAspect,
    GazeOffset gaze,
    double[] expression,
    HeadPose pose) {

  /** The points whose quick movement counts as a micro-expression: lips, mouth corners, brows. */
  static final int[] EXPRESSION_POINTS = {
    UPPER_LIP,
    LOWER_LIP,
    MOUTH_RIGHT,
    MOUTH_LEFT,
    0,
    17,
    RIGHT_EYEBROW_INNER,
    LEFT_EYEBROW_INNER,
    105,
    334,
    70,
    300
  };

  /** The measurements of a face, or null when it has no usable landmarks. */
  static FaceMeasurements of(Face face) {
    Landmarks lm = face.landmarks();
    if (lm == null || !lm.isFinite()) {
      return null;
    }
    double width = lm.distance(RIGHT_FACE_EDGE, LEFT_FACE_EDGE);
    double axisLength = lm.distance(RIGHT_EYE_OUTER, LEFT_EYE_OUTER);
    if (!(width > 1e-6) || !(axisLength > 1e-6)) {
      return null;
    }
    // Unit vectors of the face: ux along the eye line (image right when upright), uy across it.
    double ux = (lm.x(LEFT_EYE_OUTER) - lm.x(RIGHT_EYE_OUTER)) / axisLength;
    double uy = (lm.y(LEFT_EYE_OUTER) - lm.y(RIGHT_EYE_OUTER)) / axisLength;
    double eyeAspect =
        (eyeAspect(lm, RIGHT_EYE_OUTER, RIGHT_EYE_INNER, RIGHT_EYE_UPPER, RIGHT_EYE_LOWER)
                + eyeAspect(lm, LEFT_EYE_OUTER, LEFT_EYE_INNER, LEFT_EYE_UPPER, LEFT_EYE_LOWER))
            / 2;
    GazeOffset right = iris(lm, RIGHT_EYE_OUTER, RIGHT_EYE_INNER, RIGHT_IRIS_CENTER, ux, uy);
    GazeOffset left = iris(lm, LEFT_EYE_OUTER, LEFT_EYE_INNER, LEFT_IRIS_CENTER, ux, uy);
    if (right == null || left == null || !Double.isFinite(eyeAspect)) {
      return null;
    }
    GazeOffset gaze = new GazeOffset((right.x() + left.x()) / 2, (right.y() + left.y()) / 2);
    double[] expression = new double[EXPRESSION_POINTS.length * 2];
    for (int i = 0; i < EXPRESSION_POINTS.length; i++) {
      double dx = lm.x(EXPRESSION_POINTS[i]) - lm.x(NOSE_TIP);
      double dy = lm.y(EXPRESSION_POINTS[i]) - lm.y(NOSE_TIP);
      expression[2 * i] = (dx * ux + dy * uy) / width;
      expression[2 * i + 1] = (-dx * uy + dy * ux) / width;
    }
    return new FaceMeasurements(
        width,
        lm.distance(RIGHT_EYEBROW_INNER, LEFT_EYEBROW_INNER) / width,
        eyeAspect,
        gaze,
        expression,
        pose(face, lm));
  }

  /** The largest distance any expression point moved between two measurements, over face width. */
  double largestMoveFrom(FaceMeasurements earlier) {
    double largest = 0;
    for (int i = 0; i < expression.length; i += 2) {
      largest =
          Math.max(
              largest,
              Math.hypot(
                  expression[i] - earlier.expression[i],
                  expression[i + 1] - earlier.expression[i + 1]));
    }
    return largest;
  }

  private static double eyeAspect(Landmarks lm, int outer, int inner, int upper, int lower) {
    double width = lm.distance(outer, inner);
    return width > 1e-6 ? lm.distance(upper, lower) / width : Double.NaN;
  }

  private static GazeOffset iris(
      Landmarks lm, int outer, int inner, int iris, double ux, double uy) {
    double eyeWidth = lm.distance(outer, inner);
    if (!(eyeWidth > 1e-6)) {
      return null;
    }
    double dx = lm.x(iris) - (lm.x(outer) + lm.x(inner)) / 2;
    double dy = lm.y(iris) - (lm.y(outer) + lm.y(inner)) / 2;
    return new GazeOffset((dx * ux + dy * uy) / eyeWidth, (-dx * uy + dy * ux) / eyeWidth);
  }

  /** The engine's pose when it gave a usable one, else one read from the mesh's depth. */
  private static HeadPose pose(Face face, Landmarks lm) {
    HeadPose given = finitePose(face.pose());
    return given != null ? given : FaceMeasurements.finitePose(HeadPoseEstimator.estimate(lm));
  }

  /** The pose, or null when it is missing or not finite. */
  static HeadPose finitePose(HeadPose pose) {
    if (pose == null
        || !Double.isFinite(pose.pitch())
        || !Double.isFinite(pose.yaw())
        || !Double.isFinite(pose.roll())) {
      return null;
    }
    return pose;
  }
}
