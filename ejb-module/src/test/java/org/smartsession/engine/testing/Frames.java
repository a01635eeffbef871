package org.smartsession.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.smartsession.model.protocol.VideoFrame;

/** Video frames as a student page sends them, made from the JPEG fixtures. */
public final class Frames {
  /** A 640×480 photo of a room without anyone in it. */
  public static final String NO_FACE = "vision/fixtures/no-face.jpg";

  public static final int NO_FACE_WIDTH = 640;
  public static final int NO_FACE_HEIGHT = 480;

  private Frames() {}

  /** The fixture's bytes, from the test class path. */
  public static byte[] fixture(String resource) {
    try (InputStream in = Frames.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String dataUrl(byte[] bytes) {
    return VideoFrame.JPEG_DATA_URL_PREFIX + Base64.getEncoder().encodeToString(bytes);
  }

  /** A frame of the student captured at {@code timestamp} (student clock). */
  public static VideoFrame frame(String sessionId, String studentId, long timestamp, byte[] bytes) {
    return new VideoFrame(studentId, sessionId, timestamp, dataUrl(bytes), null);
  }
}
