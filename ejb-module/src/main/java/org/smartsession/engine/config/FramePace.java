package org.smartsession.engine.config;

import java.time.Duration;

/**
 * How fast, and how far from the server's clock, a student's frames may come.
 *
 * <p>A connection may send at most twice {@code maxFps} frames over any {@link #RATE_WINDOW} (the
 * student page sends 2 a second and may be told to send up to 5); frames beyond that are dropped
 * before they reach the frame queue, and a connection that keeps exceeding the rate for longer than
 * {@link #CLOSE_FLOOD_AFTER} is closed.
 *
 * <p>A frame's capture time is taken as the student's clock says, within {@code clockToleranceMs}
 * of the time the server received it and never further than that before the student's latest frame;
 * outside those bounds the nearest time within them is used, so that a client cannot wind the clock
 * that paces alert rules and cool-downs.
 */
public record FramePace(int maxFps, long clockToleranceMs) {
  public static final FramePace DEFAULTS = new FramePace(5, 10_000);
  public static final Duration RATE_WINDOW = Duration.ofSeconds(5);
  public static final Duration CLOSE_FLOOD_AFTER = Duration.ofSeconds(10);

  public FramePace {
    if (maxFps < 1 || maxFps > 1000) {
      throw new IllegalArgumentException("smartsession.frames.max-fps must be between 1 and 1000");
    }
    if (clockToleranceMs < 0) {
      throw new IllegalArgumentException(
          "smartsession.frames.clock-tolerance-ms must not be negative");
    }
  }

  /** The most frames one connection may send within {@link #RATE_WINDOW}. */
  public int maxFramesPerWindow() {
    return (int) (2L * maxFps * RATE_WINDOW.toSeconds());
  }
}
