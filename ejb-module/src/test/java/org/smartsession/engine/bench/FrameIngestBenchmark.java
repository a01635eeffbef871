package org.smartsession.engine.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.smartsession.engine.config.FrameLimits;
import org.smartsession.engine.image.DecodedFrame;
import org.smartsession.engine.image.FrameRejectedException;
import org.smartsession.engine.image.JpegFrameDecoder;
import org.smartsession.model.protocol.ProtocolCodec;
import org.smartsession.model.protocol.VideoFrame;

/**
 * What one student's frame costs before any analysis: reading the VIDEO_FRAME JSON (as the
 * WebSocket decoder does), then base64, JPEG header check, JPEG decode and brightness figures (as a
 * frame worker does). The frame is a 640×480 JPEG of webcam size (29 kB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FrameIngestBenchmark {
  private ProtocolCodec codec;
  private JpegFrameDecoder decoder;
  private String message;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    codec = new ProtocolCodec();
    decoder = new JpegFrameDecoder(FrameLimits.DEFAULTS);
    message =
        codec.encode(
            new VideoFrame(
                "S123",
                "SESSION_456",
                1704268477000L,
                "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(photoLikeJpeg()),
                new VideoFrame.FrameMetadata(2, "640x480")));
  }

  /** Smooth shading plus sensor-like noise, which JPEG compresses about as badly as a webcam's. */
  static byte[] photoLikeJpeg() throws Exception {
    BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Random noise = new Random(42);
    for (int y = 0; y < 480; y++) {
      for (int x = 0; x < 640; x++) {
        int base = 60 + (x + y) / 8;
        int r = clamp(base + 40 + noise.nextInt(24));
        int g = clamp(base + 20 + noise.nextInt(24));
        int b = clamp(base + noise.nextInt(24));
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    codec.close();
  }

  @Benchmark
  public double decodeMessage() {
    VideoFrame frame = (VideoFrame) codec.decode(message);
    return frame.timestamp();
  }

  @Benchmark
  public double decodeMessageAndJpeg() throws FrameRejectedException {
    VideoFrame frame = (VideoFrame) codec.decode(message);
    try (DecodedFrame decoded = decoder.decodeBase64(frame.base64Payload())) {
      return decoded.meanLuma();
    }
  }
}
