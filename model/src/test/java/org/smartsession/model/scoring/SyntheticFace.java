package org.smartsession.model.scoring;

import java.util.List;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceBox;
import org.smartsession.model.face.HeadPose;
import org.smartsession.model.face.Landmarks;

/**
 * A plausible face for a 640×480 frame: all 478 points, the named ones where MediaPipe puts them on
 * a face about 200 px wide around (320, 250), the rest spread over the face oval. Tests move the
 * brows, irises, eyelids and mouth, scale or shift the face, and set the head pose. Distances are
 * pixels at scale 1.
 */
final class SyntheticFace {
  static final double CENTRE_X = 320;
  static final double CENTRE_Y = 250;
  static final double EYE_WIDTH = 40;

  private double scale = 1;
  private double shiftX;
  private double shiftY;
  private double browGap = 25;
  private double irisX;
  private double irisY;
  private double lidGap = 12;
  private double mouthOpen = 10;
  private HeadPose pose = HeadPose.FRONTAL;
  private int notANumberAt = -1;
  private boolean poseInMesh;

  static SyntheticFace neutral() {
    return new SyntheticFace();
  }

  /** Distance between the inner brow ends (55, 285); 25 px when neutral. */
  SyntheticFace browGap(double px) {
    browGap = px;
    return this;
  }

  /** Moves both irises from the eye centre; 4 px is a tenth of the 40 px eye width. */
  SyntheticFace iris(double dx, double dy) {
    irisX = dx;
    irisY = dy;
    return this;
  }

  /** Gap between the eyelids; 12 px open (aspect 0.3), 2 px nearly shut. */
  SyntheticFace lidGap(double px) {
    lidGap = px;
    return this;
  }

  /** Gap between the lips (13, 14); 10 px when neutral. */
  SyntheticFace mouthOpen(double px) {
    mouthOpen = px;
    return this;
  }

  /** Scales the whole face about its centre, as when sitting nearer or further away. */
  SyntheticFace scale(double factor) {
    scale = factor;
    return this;
  }

  SyntheticFace shift(double dx, double dy) {
    shiftX = dx;
    shiftY = dy;
    return this;
  }

  SyntheticFace pose(double pitch, double yaw) {
    pose = new HeadPose(pitch, yaw, 0);
    return this;
  }

  SyntheticFace pose(HeadPose headPose) {
    pose = headPose;
    return this;
  }

  /**
   * Turns the mesh itself by the pose, in depth as a real head turns, and leaves the face without a
   * pose of its own, as when the engine gives none.
   */
  SyntheticFace poseInMeshOnly() {
    poseInMesh = true;
    return this;
  }

  /** Puts NaN into one landmark's x, as a broken mesh output might. */
  SyntheticFace notANumberAt(int index) {
    notANumberAt = index;
    return this;
  }

  Face face() {
    return new Face(box(), 0.95, landmarks(), 0.99, poseInMesh ? null : pose);
  }

  FaceBox box() {
    return new FaceBox(
        CENTRE_X + shiftX - 100 * scale, CENTRE_Y + shiftY - 120 * scale, 200 * scale, 240 * scale);
  }

  Landmarks landmarks() {
    float[] xyz = new float[Landmarks.COUNT * 3];
    // Everything not named below: a spiral filling the face oval, so no two points coincide.
    for (int i = 0; i < Landmarks.MESH_COUNT; i++) {
      double r = Math.sqrt((i + 0.5) / Landmarks.MESH_COUNT);
      double angle = i * 2.399963;
      put(xyz, i, 90 * r * Math.cos(angle), 110 * r * Math.sin(angle));
    }
    put(xyz, Landmarks.RIGHT_FACE_EDGE, -100, 0);
    put(xyz, Landmarks.LEFT_FACE_EDGE, 100, 0);
    put(xyz, Landmarks.FOREHEAD, 0, -110);
    put(xyz, Landmarks.CHIN, 0, 110);
    put(xyz, Landmarks.NOSE_TIP, 0, 10);
    eye(
        xyz,
        -40,
        Landmarks.RIGHT_EYE_OUTER,
        Landmarks.RIGHT_EYE_INNER,
        Landmarks.RIGHT_EYE_UPPER,
        Landmarks.RIGHT_EYE_LOWER,
        Landmarks.RIGHT_IRIS_CENTER);
    eye(
        xyz,
        40,
        Landmarks.LEFT_EYE_OUTER,
        Landmarks.LEFT_EYE_INNER,
        Landmarks.LEFT_EYE_UPPER,
        Landmarks.LEFT_EYE_LOWER,
        Landmarks.LEFT_IRIS_CENTER);
    put(xyz, Landmarks.RIGHT_EYEBROW_INNER, -browGap / 2, -55);
    put(xyz, Landmarks.LEFT_EYEBROW_INNER, browGap / 2, -55);
    put(xyz, 105, -40, -62);
    put(xyz, 334, 40, -62);
    put(xyz, 70, -65, -58);
    put(xyz, 300, 65, -58);
    put(xyz, Landmarks.MOUTH_RIGHT, -30, 60);
    put(xyz, Landmarks.MOUTH_LEFT, 30, 60);
    put(xyz, Landmarks.UPPER_LIP, 0, 60 - mouthOpen / 2);
    put(xyz, Landmarks.LOWER_LIP, 0, 60 + mouthOpen / 2);
    put(xyz, 0, 0, 60 - mouthOpen / 2 - 6);
    put(xyz, 17, 0, 60 + mouthOpen / 2 + 6);
    if (poseInMesh) {
      turn(xyz);
    }
    if (notANumberAt >= 0) {
      xyz[notANumberAt * 3] = Float.NaN;
    }
    return Landmarks.of(xyz);
  }

  /** An eye centred at (cx, -30): corners 40 px apart, the outer one away from the nose. */
  private void eye(float[] xyz, double cx, int outer, int inner, int upper, int lower, int iris) {
    double side = Math.signum(cx);
    put(xyz, outer, cx + side * EYE_WIDTH / 2, -30);
    put(xyz, inner, cx - side * EYE_WIDTH / 2, -30);
    put(xyz, upper, cx, -30 - lidGap / 2);
    put(xyz, lower, cx, -30 + lidGap / 2);
    put(xyz, iris, cx + irisX, -30 + irisY);
    double[][] ring = {{5, 0}, {0, -5}, {-5, 0}, {0, 5}};
    for (int k = 0; k < ring.length; k++) {
      put(xyz, iris + 1 + k, cx + irisX + ring[k][0], -30 + irisY + ring[k][1]);
    }
  }

  /** Pitch about the horizontal axis (chin nearer when up), then yaw about the vertical one. */
  private void turn(float[] xyz) {
    double p = Math.toRadians(pose.pitch());
    double w = Math.toRadians(pose.yaw());
    double cx = CENTRE_X + shiftX;
    double cy = CENTRE_Y + shiftY;
    for (int i = 0; i < Landmarks.COUNT; i++) {
      double x = xyz[i * 3] - cx;
      double y = xyz[i * 3 + 1] - cy;
      double z = xyz[i * 3 + 2];
      double y1 = y * Math.cos(p) + z * Math.sin(p);
      double z1 = -y * Math.sin(p) + z * Math.cos(p);
      double x2 = x * Math.cos(w) - z1 * Math.sin(w);
      double z2 = x * Math.sin(w) + z1 * Math.cos(w);
      xyz[i * 3] = (float) (cx + x2);
      xyz[i * 3 + 1] = (float) (cy + y1);
      xyz[i * 3 + 2] = (float) z2;
    }
  }

  private void put(float[] xyz, int index, double x, double y) {
    xyz[index * 3] = (float) (CENTRE_X + shiftX + x * scale);
    xyz[index * 3 + 1] = (float) (CENTRE_Y + shiftY + y * scale);
    xyz[index * 3 + 2] = 0;
  }

  /** A frame at time t showing these faces, normally lit. */
  static FrameObservation frame(long t, Face... faces) {
    return new FrameObservation(t, 640, 480, List.of(faces), 120, 45);
  }

  /** A frame at time t showing the neutral face. */
  static FrameObservation neutralFrame(long t) {
    return frame(t, neutral().face());
  }

  /** A frame at time t with nobody in it, normally lit. */
  static FrameObservation emptyFrame(long t) {
    return frame(t);
  }

  /** A frame at time t from a covered camera: nearly black and flat. */
  static FrameObservation coveredFrame(long t) {
    return new FrameObservation(t, 640, 480, List.of(), 4, 1.5);
  }
}
