package org.smartsession.model.face;

/**
 * Head pose from the mesh's own 3D points: the face's x axis runs from the right eye's outer corner
 * to the left's, its y axis from forehead to chin; their cross product is the face's normal. Roll
 * is the x axis's angle in the image; yaw and pitch are read after taking that roll out, so a head
 * tilted sideways does not read as turned. Signs as in {@link HeadPose}: pitch up positive, yaw to
 * the student's left (image right) positive, roll clockwise in the image positive.
 */
public final class HeadPoseEstimator {
  private HeadPoseEstimator() {}

  /** The pose, or null when the landmarks carry no depth (every z the same). */
  public static HeadPose estimate(Landmarks p) {
    if (!hasDepth(p)) {
      return null;
    }
    double[] x =
        normalise(
            p.x(Landmarks.LEFT_EYE_OUTER) - p.x(Landmarks.RIGHT_EYE_OUTER),
            p.y(Landmarks.LEFT_EYE_OUTER) - p.y(Landmarks.RIGHT_EYE_OUTER),
            p.z(Landmarks.LEFT_EYE_OUTER) - p.z(Landmarks.RIGHT_EYE_OUTER));
    double[] y =
        normalise(
            p.x(Landmarks.CHIN) - p.x(Landmarks.FOREHEAD),
            p.y(Landmarks.CHIN) - p.y(Landmarks.FOREHEAD),
            p.z(Landmarks.CHIN) - p.z(Landmarks.FOREHEAD));
    // z = x × y points away from the camera for a frontal face (mesh z grows away from it).
    double[] z =
        normalise(x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]);
    double roll = Math.atan2(x[1], x[0]);
    double unrolledZy = -Math.sin(roll) * z[0] + Math.cos(roll) * z[1];
    double yaw = Math.asin(clamp(x[2]));
    double pitch = Math.asin(clamp(unrolledZy));
    return new HeadPose(Math.toDegrees(pitch), Math.toDegrees(yaw), Math.toDegrees(roll));
  }

  private static boolean hasDepth(Landmarks p) {
    float first = p.z(0);
    for (int i = 1; i < Landmarks.MESH_COUNT; i++) {
      if (p.z(i) != first) {
        return true;
      }
    }
    return false;
  }

  private static double clamp(double v) {
    return Math.max(-1, Math.min(1, v));
  }

  private static double[] normalise(double x, double y, double z) {
    double n = Math.sqrt(x * x + y * y + z * z);
    return n == 0 ? new double[] {0, 0, 0} : new double[] {x / n, y / n, z / n};
  }
}
