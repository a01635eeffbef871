package org.smartsession.model.face;

/**
 * Head rotation in degrees, from the camera's point of view. Pitch is positive when the head turns
 * up, yaw positive when it turns to the student's left (the image's right), roll positive when the
 * head tilts clockwise in the image.
 */
public record HeadPose(double pitch, double yaw, double roll) {
  public static final HeadPose FRONTAL = new HeadPose(0, 0, 0);

  public HeadPose minus(HeadPose neutral) {
    return new HeadPose(pitch - neutral.pitch, yaw - neutral.yaw, roll - neutral.roll);
  }
}
