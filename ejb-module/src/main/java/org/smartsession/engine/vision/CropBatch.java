package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.FloatBuffer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reusable buffers for a batch of square crops on their way into a model: 8-bit BGR slots to warp
 * into, stacked one above the other, and the same crops as RGB floats, NHWC, scaled as {@code v *
 * alpha + beta}. Grows when a larger batch comes and keeps that size, so steady streams allocate
 * nothing. Confined to one thread.
 */
final class CropBatch implements AutoCloseable {
  private final int side;
  private final double alpha;
  private final double beta;
  private final Mat pixels = new Mat();
  private final Mat rgb = new Mat();
  private final Mat floats = new Mat();
  private int capacity;

  CropBatch(int side, double alpha, double beta) {
    this.side = side;
    this.alpha = alpha;
    this.beta = beta;
  }

  int side() {
    return side;
  }

  /** Makes room for {@code crops} crops; when it has to grow, crops already cut are lost. */
  void reserve(int crops) {
    if (crops > capacity) {
      pixels.create(crops * side, side, CV_8UC3);
      rgb.create(crops * side, side, CV_8UC3);
      floats.create(crops * side, side, CV_32FC3);
      capacity = crops;
    }
  }

  /** Crop {@code i}'s BGR slot, a view to warp into; the caller closes it. */
  Mat slot(int i) {
    if (i >= capacity) {
      throw new IndexOutOfBoundsException("crop " + i + " of " + capacity);
    }
    return pixels.rowRange(i * side, (i + 1) * side);
  }

  /** The first {@code crops} crops as model input: [crops, side, side, 3] floats. */
  FloatBuffer floats(int crops) {
    int rows = crops * side;
    try (Mat bgrUsed = pixels.rowRange(0, rows);
        Mat rgbUsed = rgb.rowRange(0, rows);
        Mat floatsUsed = floats.rowRange(0, rows)) {
      cvtColor(bgrUsed, rgbUsed, COLOR_BGR2RGB);
      rgbUsed.convertTo(floatsUsed, CV_32FC3, alpha, beta);
    }
    FloatBuffer all = floats.createBuffer();
    return all.limit(rows * side * 3);
  }

  @Override
  public void close() {
    pixels.close();
    rgb.close();
    floats.close();
  }
}
