package org.smartsession.engine.image;

import static org.bytedeco.opencv.global.opencv_core.meanStdDev;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A decoded frame: BGR pixels in an OpenCV matrix, with the brightness figures the integrity rules
 * need. Owns native memory: close it when done.
 */
public final class DecodedFrame implements AutoCloseable {
  private final Mat bgr;
  private final double meanLuma;
  private final double lumaStdDev;

  DecodedFrame(Mat bgr, double meanLuma, double lumaStdDev) {
    this.bgr = bgr;
    this.meanLuma = meanLuma;
    this.lumaStdDev = lumaStdDev;
  }

  /** The pixels, 8-bit BGR; valid until {@link #close()}. */
  public Mat bgr() {
    return bgr;
  }

  public int width() {
    return bgr.cols();
  }

  public int height() {
    return bgr.rows();
  }

  public double meanLuma() {
    return meanLuma;
  }

  public double lumaStdDev() {
    return lumaStdDev;
  }

  /**
   * The frame of {@code bgr} with the mean and deviation of {@code luma}, its 8-bit brightness.
   * Takes ownership of {@code bgr}: it is closed if the figures cannot be computed.
   */
  static DecodedFrame withLuma(Mat bgr, Mat luma) {
    try (Mat mean = new Mat();
        Mat std = new Mat()) {
      meanStdDev(luma, mean, std);
      try (DoubleIndexer meanValue = mean.createIndexer();
          DoubleIndexer stdValue = std.createIndexer()) {
        return new DecodedFrame(bgr, meanValue.get(0), stdValue.get(0));
      }
    } catch (RuntimeException e) {
      bgr.close();
      throw e;
    }
  }

  @Override
  public void close() {
    bgr.close();
  }
}
