package org.smartsession.model.face;

import java.util.Objects;

/**
 * One face found in a frame: its detector box and score, and, when the mesh ran, its 478 landmarks,
 * the mesh's face-presence confidence and the head pose.
 */
public record Face(FaceBox box, double score, Landmarks landmarks, double presence, HeadPose pose) {
  public Face {
    Objects.requireNonNull(box, "box");
  }

  public boolean hasLandmarks() {
    return landmarks != null;
  }
}
