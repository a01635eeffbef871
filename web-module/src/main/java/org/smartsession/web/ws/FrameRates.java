package org.smartsession.web.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Clock;
import java.util.logging.Logger;
import org.smartsession.engine.config.FramePace;
import org.smartsession.model.protocol.ErrorCode;

/**
 * The frame-rate limit of students' connections, applied to each message as it arrives, before it
 * can reach the frame queue: a message over the rate is dropped and counted, the client is told
 * once per flood ({@code RATE_LIMITED}), and a flood longer than {@link
 * FramePace#CLOSE_FLOOD_AFTER} closes the connection (1008).
 */
@ApplicationScoped
public class FrameRates {
  private static final Logger LOG = Logger.getLogger(FrameRates.class.getName());
  private static final String LIMITER = "smartsession.frameRate";

  @Inject FramePace pace;
  @Inject Clock clock;

  /** True when the message may go on; false when it was dropped. */
  boolean admit(Session socket) {
    FrameRateLimiter limiter =
        (FrameRateLimiter)
            socket
                .getUserProperties()
                .computeIfAbsent(
                    LIMITER,
                    k ->
                        new FrameRateLimiter(
                            pace.maxFramesPerWindow(),
                            FramePace.RATE_WINDOW.toMillis(),
                            FramePace.CLOSE_FLOOD_AFTER.toMillis()));
    long now = clock.millis();
    switch (limiter.offer(now)) {
      case ACCEPTED:
        return true;
      case DROPPED_FIRST:
        Endpoints.reply(
            socket,
            Endpoints.error(
                ErrorCode.RATE_LIMITED,
                "more than "
                    + pace.maxFramesPerWindow()
                    + " frames in "
                    + FramePace.RATE_WINDOW.toSeconds()
                    + " s: frames are being dropped, and the connection closes if this goes on for "
                    + FramePace.CLOSE_FLOOD_AFTER.toSeconds()
                    + " s"));
        return false;
      case CLOSE:
        LOG.info(
            "Closing "
                + socket.getId()
                + ": over the frame rate for "
                + limiter.floodingFor(now)
                + " ms, "
                + limiter.dropped()
                + " frames dropped");
        Endpoints.close(
            socket,
            new CloseReason(
                CloseReason.CloseCodes.VIOLATED_POLICY,
                "over "
                    + 2 * pace.maxFps()
                    + " frames a second for more than "
                    + FramePace.CLOSE_FLOOD_AFTER.toSeconds()
                    + " s"));
        return false;
      default:
        return false;
    }
  }
}
