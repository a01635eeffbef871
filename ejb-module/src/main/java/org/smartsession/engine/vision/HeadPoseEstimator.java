package org.smartsession.engine.vision;

import org.smartsession.model.face.HeadPose;
import org.smartsession.model.face.Landmarks;

/**
 * Head pose from the mesh's own 3D points: the face's x axis runs from the right eye's outer corner
 * to the left's, its y axis from forehead to chin; their cross product is the face's normal. Signs
 * (see {@link HeadPose}): pitch up positive, yaw to the student's left (image right) positive, roll
 * clockwise in the image positive.
 */
final class HeadPoseEstimator {
  private HeadPoseEstimator() {}

  static HeadPose estimate(Landmarks p) {
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
    // z = x × y points away from the camera for a frontal face.
    double[] z =
        normalise(x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]);
    double yaw = Math.toDegrees(Math.atan2(-z[0], z[2]));
    double pitch = Math.toDegrees(Math.atan2(z[1], z[2]));
    double roll = Math.toDegrees(Math.atan2(x[1], x[0]));
    return new HeadPose(pitch, yaw, roll);
  }

  private static double[] normalise(double x, double y, double z) {
    double n = Math.sqrt(x * x + y * y + z * z);
    return n == 0 ? new double[] {0, 0, 0} : new double[] {x / n, y / n, z / n};
  }
}
