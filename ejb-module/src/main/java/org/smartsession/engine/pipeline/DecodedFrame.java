package org.smartsession.engine.pipeline;

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

  @Override
  public void close() {
    bgr.close();
  }
}
