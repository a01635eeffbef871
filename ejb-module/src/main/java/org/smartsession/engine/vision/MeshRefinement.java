package org.smartsession.engine.vision;

import org.smartsession.model.face.Landmarks;

/**
 * How the attention mesh's region outputs refine its 468 points into MediaPipe's 478, as
 * MediaPipe's own landmark refinement does: the 71 points of each eye region (eye contour, its
 * halos and the eyebrow) replace the x and y of the mesh points they stand for; the 5 points of
 * each iris become points 468–472 and 473–477, at the depth of their eye's contour.
 *
 * <p>The model names its regions from the viewer's side: its "left" eye is the person's right eye
 * (corners 33 and 133), whose iris is 468–472.
 */
final class MeshRefinement {
  /** Mesh points refined by the model's left-eye region, in the region's output order. */
  static final int[] LEFT_EYE = {
    // eye contour: lower lid from corner to corner, then upper lid
    33,
    7,
    163,
    144,
    145,
    153,
    154,
    155,
    133,
    246,
    161,
    160,
    159,
    158,
    157,
    173,
    // halos around the contour, outwards
    130,
    25,
    110,
    24,
    23,
    22,
    26,
    112,
    243,
    247,
    30,
    29,
    27,
    28,
    56,
    190,
    226,
    31,
    228,
    229,
    230,
    231,
    232,
    233,
    244,
    113,
    225,
    224,
    223,
    222,
    221,
    189,
    // eyebrow inner contour, outer halo and eyebrow outer contour
    35,
    124,
    46,
    53,
    52,
    65,
    143,
    111,
    117,
    118,
    119,
    120,
    121,
    128,
    245,
    156,
    70,
    63,
    105,
    66,
    107,
    55,
    193
  };

  /** The same for the model's right-eye region, the mirror image of {@link #LEFT_EYE}. */
  static final int[] RIGHT_EYE = {
    263, 249, 390, 373, 374, 380, 381, 382, 362, 466, 388, 387, 386, 385, 384, 398, 359, 255, 339,
    254, 253, 252, 256, 341, 463, 467, 260, 259, 257, 258, 286, 414, 446, 261, 448, 449, 450, 451,
    452, 453, 464, 342, 445, 444, 443, 442, 441, 413, 265, 353, 276, 283, 282, 295, 372, 340, 346,
    347, 348, 349, 350, 357, 465, 383, 300, 293, 334, 296, 336, 285, 417
  };

  /** The eye contour: the first 16 points of each eye region, whose mean depth the iris takes. */
  static final int CONTOUR_POINTS = 16;

  static final int EYE_POINTS = 71;
  static final int IRIS_POINTS = 5;

  private MeshRefinement() {}

  /**
   * Refines {@code xyz} (478 × 3, mesh points filled in) with one eye region's outputs, in the same
   * pixel space: {@code eye} 71 × (x, y), {@code iris} 5 × (x, y).
   */
  static void refineEye(float[] xyz, int[] eyeMap, float[] eye, float[] iris, int firstIrisPoint) {
    for (int i = 0; i < EYE_POINTS; i++) {
      xyz[eyeMap[i] * 3] = eye[2 * i];
      xyz[eyeMap[i] * 3 + 1] = eye[2 * i + 1];
    }
    float depth = 0;
    for (int i = 0; i < CONTOUR_POINTS; i++) {
      depth += xyz[eyeMap[i] * 3 + 2];
    }
    depth /= CONTOUR_POINTS;
    for (int p = 0; p < IRIS_POINTS; p++) {
      int target = (firstIrisPoint + p) * 3;
      xyz[target] = iris[2 * p];
      xyz[target + 1] = iris[2 * p + 1];
      xyz[target + 2] = depth;
    }
  }

  /** Refines with both eyes: the model's left eye is the person's right. */
  static void refine(
      float[] xyz, float[] leftEye, float[] leftIris, float[] rightEye, float[] rightIris) {
    refineEye(xyz, LEFT_EYE, leftEye, leftIris, Landmarks.RIGHT_IRIS_CENTER);
    refineEye(xyz, RIGHT_EYE, rightEye, rightIris, Landmarks.LEFT_IRIS_CENTER);
  }
}
