package org.smartsession.model.scoring;

import org.smartsession.model.face.HeadPose;
import org.smartsession.model.face.Landmarks;

/**
 * A head pose read from the mesh's depth, for faces that come without one: yaw from the line
 * between the face edges (234 to 454), pitch from the line between forehead (10) and chin (152),
 * roll from the line between the outer eye corners. Coarse, but judged against the student's own
 * neutral like any pose, which absorbs the mesh's fixed offsets.
 */
final class MeshHeadPose {
  private MeshHeadPose() {}

  /** The pose, or null when the landmarks carry no depth. */
  static HeadPose estimate(Landmarks lm) {
    if (!hasDepth(lm)) {
      return null;
    }
    // Smaller z is nearer: the edge that turns away from the camera gets the larger z.
    double yaw = angle(lm, Landmarks.RIGHT_FACE_EDGE, Landmarks.LEFT_FACE_EDGE, 1);
    double pitch = angle(lm, Landmarks.FOREHEAD, Landmarks.CHIN, -1);
    double roll =
        Math.toDegrees(
            Math.atan2(
                lm.y(Landmarks.LEFT_EYE_OUTER) - lm.y(Landmarks.RIGHT_EYE_OUTER),
                lm.x(Landmarks.LEFT_EYE_OUTER) - lm.x(Landmarks.RIGHT_EYE_OUTER)));
    HeadPose pose = new HeadPose(pitch, yaw, roll);
    return FaceMeasurements.finitePose(pose);
  }

  /** The angle in degrees by which the line from a to b leaves the image plane, signed. */
  private static double angle(Landmarks lm, int a, int b, int sign) {
    double depth = lm.z(b) - lm.z(a);
    return Math.toDegrees(Math.atan2(sign * depth, lm.distance(a, b)));
  }

  private static boolean hasDepth(Landmarks lm) {
    for (int i = 0; i < Landmarks.COUNT; i++) {
      if (lm.z(i) != 0) {
        return true;
      }
    }
    return false;
  }
}
