package org.smartsession.engine.config;

import java.time.Duration;

/**
 * How long state lives and how much history is kept: a session's data {@code ttl} after its last
 * activity unless the session sets its own retention, at most {@code maxRetention}; a history point
 * at most every {@code historyIntervalMs} per student, at most {@code historyMaxPoints} of them.
 */
public record StoreLimits(
    Duration ttl, long historyIntervalMs, int historyMaxPoints, Duration maxRetention) {
  public static final StoreLimits DEFAULTS =
      new StoreLimits(Duration.ofHours(24), 1000, 14_400, Duration.ofDays(7));

  public StoreLimits {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("the state time to live must be positive");
    }
    if (maxRetention.compareTo(ttl) < 0) {
      throw new IllegalArgumentException(
          "the longest retention must be at least the state's time to live");
    }
    if (historyIntervalMs < 0 || historyMaxPoints < 1) {
      throw new IllegalArgumentException("history interval must be >= 0 and max points >= 1");
    }
  }

  /** Limits whose longest retention is the time to live, or a week if that is longer. */
  public StoreLimits(Duration ttl, long historyIntervalMs, int historyMaxPoints) {
    this(
        ttl,
        historyIntervalMs,
        historyMaxPoints,
        ttl.compareTo(Duration.ofDays(7)) > 0 ? ttl : Duration.ofDays(7));
  }
}
