package org.smartsession.engine.vision;

/**
 * A detected face in frame pixels: box corners, score, and six keypoints (right eye, left eye, nose
 * tip, mouth centre, right ear, left ear; right and left are the person's own).
 */
record Detection(float x0, float y0, float x1, float y1, float score, float[] keypoints) {
  static final int RIGHT_EYE = 0;
  static final int LEFT_EYE = 1;

  float width() {
    return x1 - x0;
  }

  float height() {
    return y1 - y0;
  }

  float centreX() {
    return (x0 + x1) / 2;
  }

  float centreY() {
    return (y0 + y1) / 2;
  }

  float keypointX(int k) {
    return keypoints[2 * k];
  }

  float keypointY(int k) {
    return keypoints[2 * k + 1];
  }

  float iou(Detection o) {
    float ix = Math.max(0, Math.min(x1, o.x1) - Math.max(x0, o.x0));
    float iy = Math.max(0, Math.min(y1, o.y1) - Math.max(y0, o.y0));
    float inter = ix * iy;
    float union = width() * height() + o.width() * o.height() - inter;
    return union <= 0 ? 0 : inter / union;
  }
}
