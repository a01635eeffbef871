package org.smartsession.engine.config;

import java.time.Duration;

/**
 * How long state lives and how much history is kept: a history point at most every {@code
 * historyIntervalMs} per student, at most {@code historyMaxPoints} of them.
 */
public record StoreLimits(Duration ttl, long historyIntervalMs, int historyMaxPoints) {
  public static final StoreLimits DEFAULTS = new StoreLimits(Duration.ofHours(24), 1000, 14_400);

  public StoreLimits {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("the state time to live must be positive");
    }
    if (historyIntervalMs < 0 || historyMaxPoints < 1) {
      throw new IllegalArgumentException("history interval must be >= 0 and max points >= 1");
    }
  }
}
