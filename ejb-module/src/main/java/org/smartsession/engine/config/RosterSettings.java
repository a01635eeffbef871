package org.smartsession.engine.config;

import java.time.Duration;

/**
 * When a student on a roster counts as late: a first join more than {@code lateAfter} after the
 * session opened (its schedule's start, else its creation).
 */
public record RosterSettings(Duration lateAfter) {
  public static final RosterSettings DEFAULTS = new RosterSettings(Duration.ofMinutes(5));

  public RosterSettings {
    if (lateAfter == null || lateAfter.isNegative()) {
      throw new IllegalArgumentException("the late threshold must be zero or more minutes");
    }
  }
}
