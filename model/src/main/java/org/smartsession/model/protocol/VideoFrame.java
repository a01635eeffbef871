package org.smartsession.model.protocol;

import static org.smartsession.model.protocol.Fields.identifier;
import static org.smartsession.model.protocol.Fields.invalid;
import static org.smartsession.model.protocol.Fields.required;

/**
 * Student to server: one webcam frame as a JPEG data URL. {@code timestamp} is the capture time in
 * epoch milliseconds on the student's clock; scoring runs on these times, not on arrival times.
 */
public record VideoFrame(
    String studentId, String sessionId, Long timestamp, String frame, FrameMetadata metadata)
    implements Message {
  public static final String TYPE = "VIDEO_FRAME";
  public static final String JPEG_DATA_URL_PREFIX = "data:image/jpeg;base64,";

  public VideoFrame {
    identifier(studentId, TYPE, "studentId");
    identifier(sessionId, TYPE, "sessionId");
    required(timestamp, TYPE, "timestamp");
    if (timestamp <= 0) {
      throw invalid(TYPE, "timestamp", "must be a positive epoch time in milliseconds");
    }
    required(frame, TYPE, "frame");
    if (!frame.startsWith(JPEG_DATA_URL_PREFIX)
        || frame.length() == JPEG_DATA_URL_PREFIX.length()) {
      throw invalid(
          TYPE,
          "frame",
          "must be a non-empty data URL starting with '" + JPEG_DATA_URL_PREFIX + "'");
    }
  }

  /** The same frame taken at another time. */
  public VideoFrame at(long time) {
    return time == timestamp ? this : new VideoFrame(studentId, sessionId, time, frame, metadata);
  }

  /** The base64 part of the data URL. */
  public String base64Payload() {
    return frame.substring(JPEG_DATA_URL_PREFIX.length());
  }

  /** What the sender says about its capture; informative only. */
  public record FrameMetadata(Integer fps, String resolution) {
    public FrameMetadata {
      if (fps != null && (fps < 0 || fps > 240)) {
        throw invalid(TYPE, "metadata.fps", "must be between 0 and 240");
      }
      Fields.maxLength(resolution, TYPE, "metadata.resolution", 20);
    }
  }
}
