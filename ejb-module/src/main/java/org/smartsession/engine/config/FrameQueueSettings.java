package org.smartsession.engine.config;

/**
 * The frame queue: {@code workers} frames analysed at once (one per core suits this CPU-bound
 * work), frames accepted from at most {@code maxStudents} students, and a frame that waited longer
 * than {@code staleAfterMs} dropped unprocessed.
 */
public record FrameQueueSettings(int workers, int maxStudents, long staleAfterMs) {
  public static final FrameQueueSettings DEFAULTS = new FrameQueueSettings(2, 5000, 3000);

  public FrameQueueSettings {
    if (workers < 1 || maxStudents < 1 || staleAfterMs < 1) {
      throw new IllegalArgumentException(
          "frame workers, max students and stale-after must be at least 1");
    }
  }
}
