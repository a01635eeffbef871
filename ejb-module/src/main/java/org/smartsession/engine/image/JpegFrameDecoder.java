package org.smartsession.engine.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.smartsession.engine.config.FrameLimits;

/**
 * Turns a frame's base64 JPEG into pixels, refusing anything that is not a JPEG of acceptable size.
 * Thread-safe; runs on the frame workers, never on a WebSocket thread.
 *
 * <p>Plain JPEGs, such as the student page's canvas frames, go through FFmpeg ({@link
 * FfmpegJpegDecoder}), about twice as fast as OpenCV's decoder here; JPEGs with Exif metadata
 * (which OpenCV turns upright), arithmetic or lossless coding, or data FFmpeg cannot read go
 * through OpenCV, which also rejects what is corrupt.
 */
public class JpegFrameDecoder implements AutoCloseable {
  private final FrameLimits limits;

  /** FFmpeg decoders not in use: one is taken per call, so threads never share one. */
  private final Queue<FfmpegJpegDecoder> idle = new ConcurrentLinkedQueue<>();

  private volatile boolean closed;

  public JpegFrameDecoder(FrameLimits limits) {
    this.limits = limits;
  }

  /** Decodes the base64 part of a JPEG data URL. */
  public DecodedFrame decodeBase64(String base64) throws FrameRejectedException {
    byte[] jpeg;
    try {
      // Strict: a payload with anything but base64 in it is refused, not silently skipped over,
      // so what is kept of a frame (an alert's screenshot) is exactly what was decoded here.
      jpeg = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new FrameRejectedException("the frame is not valid base64");
    }
    return decode(jpeg);
  }

  public DecodedFrame decode(byte[] jpeg) throws FrameRejectedException {
    JpegHeader header = JpegHeader.read(jpeg);
    checkSize(header.width(), header.height());
    DecodedFrame frame =
        header.huffman() && !header.exif() && !closed ? decodeWithFfmpeg(jpeg) : null;
    if (frame == null) {
      frame = decodeWithOpenCv(jpeg);
    }
    if (frame.width() != header.width() || frame.height() != header.height()) {
      frame.close();
      throw new FrameRejectedException("the JPEG header does not match its image data");
    }
    return frame;
  }

  private DecodedFrame decodeWithFfmpeg(byte[] jpeg) {
    FfmpegJpegDecoder decoder = idle.poll();
    if (decoder == null) {
      decoder = new FfmpegJpegDecoder();
    }
    try {
      return decoder.decode(jpeg);
    } finally {
      idle.offer(decoder);
      if (closed) {
        closeIdle();
      }
    }
  }

  private static DecodedFrame decodeWithOpenCv(byte[] jpeg) throws FrameRejectedException {
    Mat bgr;
    try (BytePointer bytes = new BytePointer(jpeg);
        Mat encoded = new Mat(1, jpeg.length, CV_8UC1, bytes)) {
      bgr = imdecode(encoded, IMREAD_COLOR);
    }
    if (bgr == null || bgr.empty()) {
      if (bgr != null) {
        bgr.close();
      }
      throw new FrameRejectedException("the JPEG data is corrupt and cannot be decoded");
    }
    try (Mat gray = new Mat()) {
      cvtColor(bgr, gray, COLOR_BGR2GRAY);
      return DecodedFrame.withLuma(bgr, gray);
    } catch (RuntimeException e) {
      bgr.close(); // closing twice is harmless
      throw e;
    }
  }

  /** Frees the FFmpeg decoders; calls still under way free theirs when they end. */
  @Override
  public void close() {
    closed = true;
    closeIdle();
  }

  private void closeIdle() {
    for (FfmpegJpegDecoder decoder; (decoder = idle.poll()) != null; ) {
      decoder.close();
    }
  }

  private void checkSize(int width, int height) throws FrameRejectedException {
    if (width < limits.minWidth()
        || height < limits.minHeight()
        || width > limits.maxWidth()
        || height > limits.maxHeight()) {
      throw new FrameRejectedException(
          "the frame is "
              + width
              + "x"
              + height
              + " pixels; accepted sizes are "
              + limits.minWidth()
              + "x"
              + limits.minHeight()
              + " to "
              + limits.maxWidth()
              + "x"
              + limits.maxHeight());
    }
  }
}
