package org.smartsession.model.face;

import java.util.Arrays;

/**
 * The 478 face landmarks in MediaPipe's numbering (0..467 face mesh, 468..477 refined iris), as x
 * and y in frame pixels and z in the same scale (relative depth, smaller is nearer the camera).
 * Immutable: the coordinates are copied in and never handed out.
 */
public final class Landmarks {
  public static final int COUNT = 478;
  public static final int MESH_COUNT = 468;

  // Indices the scoring rules use, named after what they mark on the face.
  public static final int LEFT_EYEBROW_INNER = 285;
  public static final int RIGHT_EYEBROW_INNER = 55;
  public static final int NOSE_TIP = 1;
  public static final int CHIN = 152;
  public static final int FOREHEAD = 10;
  public static final int LEFT_FACE_EDGE = 454;
  public static final int RIGHT_FACE_EDGE = 234;
  public static final int RIGHT_EYE_OUTER = 33;
  public static final int RIGHT_EYE_INNER = 133;
  public static final int RIGHT_EYE_UPPER = 159;
  public static final int RIGHT_EYE_LOWER = 145;
  public static final int LEFT_EYE_OUTER = 263;
  public static final int LEFT_EYE_INNER = 362;
  public static final int LEFT_EYE_UPPER = 386;
  public static final int LEFT_EYE_LOWER = 374;
  public static final int RIGHT_IRIS_CENTER = 468;
  public static final int LEFT_IRIS_CENTER = 473;
  public static final int UPPER_LIP = 13;
  public static final int LOWER_LIP = 14;
  public static final int MOUTH_RIGHT = 61;
  public static final int MOUTH_LEFT = 291;

  private final float[] xyz;

  private Landmarks(float[] xyz) {
    this.xyz = xyz;
  }

  /**
   * @param xyz x, y, z of each point in turn: 478 × 3 values
   * @throws IllegalArgumentException if the count is wrong
   */
  public static Landmarks of(float[] xyz) {
    if (xyz.length != COUNT * 3) {
      throw new IllegalArgumentException(
          "expected " + COUNT * 3 + " coordinates (478 points × xyz), got " + xyz.length);
    }
    return new Landmarks(xyz.clone());
  }

  public float x(int index) {
    return xyz[check(index) * 3];
  }

  public float y(int index) {
    return xyz[check(index) * 3 + 1];
  }

  public float z(int index) {
    return xyz[check(index) * 3 + 2];
  }

  /** Planar (x, y) distance between two points, in pixels. */
  public double distance(int a, int b) {
    return Math.hypot(x(a) - x(b), y(a) - y(b));
  }

  /** True when every coordinate is a finite number. */
  public boolean isFinite() {
    for (float v : xyz) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** A copy of all coordinates, x, y, z of each point in turn. */
  public float[] toArray() {
    return xyz.clone();
  }

  private static int check(int index) {
    if (index < 0 || index >= COUNT) {
      throw new IndexOutOfBoundsException("landmark " + index + " outside 0.." + (COUNT - 1));
    }
    return index;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Landmarks other && Arrays.equals(xyz, other.xyz);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(xyz);
  }

  @Override
  public String toString() {
    return "Landmarks[478 points, nose tip at " + x(NOSE_TIP) + "," + y(NOSE_TIP) + "]";
  }
}
