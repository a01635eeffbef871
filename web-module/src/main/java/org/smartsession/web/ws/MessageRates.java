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
 * The message-rate limits of connections, applied to each message as it arrives, before it reaches
 * the frame queue or the session: a message over its connection's allowance is dropped and counted,
 * the client is told once per flood ({@code RATE_LIMITED}), and a flood longer than {@link
 * FramePace#CLOSE_FLOOD_AFTER} closes the connection (1008). Messages refused as unreadable count
 * too, since each would be answered.
 *
 * <p>A student may send twice the frame rate ({@link FramePace#maxFramesPerWindow()}); a teacher
 * {@link #TEACHER_MESSAGES_PER_WINDOW} acknowledgements and commands per window, far more than
 * hands click, so that no client makes the server answer, record or relay without end, nor piles up
 * answers for a peer that does not read them.
 */
@ApplicationScoped
public class MessageRates {
  static final int TEACHER_MESSAGES_PER_WINDOW = 50;

  private static final Logger LOG = Logger.getLogger(MessageRates.class.getName());
  private static final String LIMITER = "smartsession.messageRate";

  @Inject FramePace pace;
  @Inject Clock clock;

  /** True when a student's message may go on; false when it was dropped. */
  boolean admitFrame(Session socket) {
    return admit(socket, pace.maxFramesPerWindow(), "frames");
  }

  /** True when a teacher's message may go on; false when it was dropped. */
  boolean admitTeacherMessage(Session socket) {
    return admit(socket, TEACHER_MESSAGES_PER_WINDOW, "messages");
  }

  private boolean admit(Session socket, int maxPerWindow, String what) {
    RateLimiter limiter =
        (RateLimiter)
            socket
                .getUserProperties()
                .computeIfAbsent(
                    LIMITER,
                    k ->
                        new RateLimiter(
                            maxPerWindow,
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
                    + maxPerWindow
                    + " "
                    + what
                    + " in "
                    + FramePace.RATE_WINDOW.toSeconds()
                    + " s: "
                    + what
                    + " are being dropped, and the connection closes if this goes on for "
                    + FramePace.CLOSE_FLOOD_AFTER.toSeconds()
                    + " s"));
        return false;
      case CLOSE:
        LOG.info(
            "Closing "
                + socket.getId()
                + ": over the "
                + what
                + " rate for "
                + limiter.floodingFor(now)
                + " ms, "
                + limiter.dropped()
                + " "
                + what
                + " dropped");
        Endpoints.close(
            socket,
            new CloseReason(
                CloseReason.CloseCodes.VIOLATED_POLICY,
                "over "
                    + maxPerWindow / FramePace.RATE_WINDOW.toSeconds()
                    + " "
                    + what
                    + " a second for more than "
                    + FramePace.CLOSE_FLOOD_AFTER.toSeconds()
                    + " s"));
        return false;
      default:
        return false;
    }
  }
}
