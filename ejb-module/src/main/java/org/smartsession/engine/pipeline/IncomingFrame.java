package org.smartsession.engine.pipeline;

import java.util.Objects;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.model.protocol.VideoFrame;

/** A frame as received, waiting for a worker; {@code receivedAt} is server time. */
public record IncomingFrame(ConnectedStudent student, VideoFrame frame, long receivedAt) {
  public IncomingFrame {
    Objects.requireNonNull(student, "student");
    Objects.requireNonNull(frame, "frame");
  }
}
