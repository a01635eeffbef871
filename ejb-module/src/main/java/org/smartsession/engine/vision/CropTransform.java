package org.smartsession.engine.vision;

import org.bytedeco.javacpp.indexer.DoubleIndexer;

/**
 * An affine map from a model input's pixels (u, v) to frame pixels (x, y): a letterboxed whole
 * frame, or a square, rotated, possibly mirrored crop. The same map cuts the crop (OpenCV {@code
 * warpAffine} with {@code WARP_INVERSE_MAP}) and takes the model's points back to the frame.
 */
record CropTransform(double a, double b, double c, double d, double tx, double ty) {

  /** The whole frame scaled to fit a square input, centred, the rest padded. */
  static CropTransform letterbox(int frameWidth, int frameHeight, int size) {
    return letterbox(0, 0, frameWidth, frameHeight, size);
  }

  /** A rectangle of the frame scaled to fit a square input, centred, the rest padded. */
  static CropTransform letterbox(double x, double y, double width, double height, int size) {
    double k = size / Math.max(width, height);
    double padX = (size - width * k) / 2;
    double padY = (size - height * k) / 2;
    return new CropTransform(1 / k, 0, 0, 1 / k, x - padX / k, y - padY / k);
  }

  /**
   * A square of side {@code side} frame pixels centred on (cx, cy), its x axis turned by {@code
   * angle} radians (image coordinates, y down), onto a {@code size}×{@code size} input; mirrored
   * left-right when asked.
   */
  static CropTransform square(
      double cx, double cy, double side, double angle, int size, boolean mirror) {
    double s = side / size;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double mx = mirror ? -1 : 1;
    double a = s * cos * mx;
    double b = -s * sin;
    double c = s * sin * mx;
    double d = s * cos;
    double half = size / 2.0;
    return new CropTransform(a, b, c, d, cx - (a + b) * half, cy - (c + d) * half);
  }

  double x(double u, double v) {
    return a * u + b * v + tx;
  }

  double y(double u, double v) {
    return c * u + d * v + ty;
  }

  /** Frame pixels per input pixel, for distances such as depth. */
  double scale() {
    return Math.sqrt(Math.abs(a * d - b * c));
  }

  /** (x, y) pairs from input to frame pixels. */
  float[] toFrame(float[] xy) {
    float[] frame = new float[xy.length];
    for (int i = 0; i < xy.length; i += 2) {
      frame[i] = (float) x(xy[i], xy[i + 1]);
      frame[i + 1] = (float) y(xy[i], xy[i + 1]);
    }
    return frame;
  }

  /** Writes the 2×3 matrix for {@code warpAffine(..., WARP_INVERSE_MAP)}. */
  void writeTo(DoubleIndexer m) {
    m.put(0, 0, a);
    m.put(0, 1, b);
    m.put(0, 2, tx);
    m.put(1, 0, c);
    m.put(1, 1, d);
    m.put(1, 2, ty);
  }
}
