package org.smartsession.engine.config;

/** The teachers' summary: a student with no processed frame for {@code idleAfterMs} shows IDLE. */
public record SummarySettings(long idleAfterMs) {
  public static final SummarySettings DEFAULTS = new SummarySettings(10_000);

  public SummarySettings {
    if (idleAfterMs < 1) {
      throw new IllegalArgumentException("idle-after must be at least one second");
    }
  }
}
