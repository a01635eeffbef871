package org.smartsession.engine.vision;

import org.smartsession.model.face.Landmarks;

/**
 * Where the mesh looks for a face: a square crop turned with the face. It comes from a detection
 * ({@code detected}: a face not seen before), or, for a face tracked from the previous frame, from
 * that face's landmarks, which is how the detector can be skipped on most frames. {@code size} is
 * the side, in input pixels, of the model input the crop maps to the frame.
 */
record FaceRegion(CropTransform crop, int size, float detectorScore, boolean detected) {
  /** MediaPipe's face crop: the face's extent, squared and enlarged by half. */
  static final double SCALE = 1.5;

  static FaceRegion fromDetection(Detection d, int size) {
    double angle =
        Math.atan2(
            d.keypointY(Detection.LEFT_EYE) - d.keypointY(Detection.RIGHT_EYE),
            d.keypointX(Detection.LEFT_EYE) - d.keypointX(Detection.RIGHT_EYE));
    double side = Math.max(d.width(), d.height()) * SCALE;
    return new FaceRegion(
        CropTransform.square(d.centreX(), d.centreY(), side, angle, size, false),
        size,
        d.score(),
        true);
  }

  /**
   * The region of a face seen in the last frame: its landmarks' extent measured along the face's
   * own axes (the eye line and its normal), so a tilted head gets a tight crop.
   */
  static FaceRegion fromLandmarks(Landmarks p, float detectorScore, int size) {
    double angle =
        Math.atan2(
            p.y(Landmarks.LEFT_EYE_OUTER) - p.y(Landmarks.RIGHT_EYE_OUTER),
            p.x(Landmarks.LEFT_EYE_OUTER) - p.x(Landmarks.RIGHT_EYE_OUTER));
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double minU = Double.MAX_VALUE;
    double maxU = -Double.MAX_VALUE;
    double minV = Double.MAX_VALUE;
    double maxV = -Double.MAX_VALUE;
    for (int i = 0; i < Landmarks.MESH_COUNT; i++) {
      double u = p.x(i) * cos + p.y(i) * sin;
      double v = -p.x(i) * sin + p.y(i) * cos;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    double cu = (minU + maxU) / 2;
    double cv = (minV + maxV) / 2;
    double cx = cu * cos - cv * sin;
    double cy = cu * sin + cv * cos;
    double side = Math.max(maxU - minU, maxV - minV) * SCALE;
    return new FaceRegion(
        CropTransform.square(cx, cy, side, angle, size, false), size, detectorScore, false);
  }

  double centreX() {
    return crop.x(size / 2.0, size / 2.0);
  }

  double centreY() {
    return crop.y(size / 2.0, size / 2.0);
  }

  /** Side of the square in frame pixels. */
  double side() {
    return crop.scale() * size;
  }

  /** True when the point lies within the inner half of this region, i.e. on the same face. */
  boolean covers(double x, double y) {
    double half = side() / (2 * SCALE);
    return Math.abs(x - centreX()) <= half && Math.abs(y - centreY()) <= half;
  }
}
