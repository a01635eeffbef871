package org.smartsession.web.ws;

/**
 * One connection's message rate: at most {@code maxMessages} messages are accepted within any
 * window of {@code windowMs}; the others are dropped and counted. A run of drops is a flood: its
 * first drop is reported (the client is told once), and a flood that goes on for longer than {@code
 * closeAfterMs} closes the connection. A flood ends once a whole window passes without a drop. Not
 * thread-safe: a connection's messages arrive one at a time.
 */
final class RateLimiter {
  enum Verdict {
    /** Within the rate: the message goes on. */
    ACCEPTED,
    /** Over the rate, the first drop of a flood: tell the client. */
    DROPPED_FIRST,
    /** Over the rate, the flood already reported. */
    DROPPED,
    /** The flood has gone on too long: close the connection (reported once). */
    CLOSE
  }

  private static final long NEVER = Long.MIN_VALUE;

  private final long windowMs;
  private final long closeAfterMs;

  /**
   * Arrival times of the latest accepted messages, oldest at {@code next} once the ring is full.
   */
  private final long[] accepted;

  private int next;
  private int count;
  private long floodSince = NEVER;
  private long lastDrop = NEVER;
  private long dropped;
  private boolean closing;

  RateLimiter(int maxMessages, long windowMs, long closeAfterMs) {
    if (maxMessages < 1 || windowMs < 1 || closeAfterMs < 0) {
      throw new IllegalArgumentException("a rate needs messages and a window");
    }
    this.accepted = new long[maxMessages];
    this.windowMs = windowMs;
    this.closeAfterMs = closeAfterMs;
  }

  /** A message arriving at {@code now} (milliseconds, any monotonic origin). */
  Verdict offer(long now) {
    if (closing) {
      dropped++;
      return Verdict.DROPPED;
    }
    if (count < accepted.length || now - accepted[next] >= windowMs) {
      accepted[next] = now;
      next = (next + 1) % accepted.length;
      count = Math.min(count + 1, accepted.length);
      return Verdict.ACCEPTED;
    }
    dropped++;
    if (lastDrop == NEVER || now - lastDrop >= windowMs) {
      floodSince = now;
      lastDrop = now;
      return Verdict.DROPPED_FIRST;
    }
    lastDrop = now;
    if (now - floodSince > closeAfterMs) {
      closing = true;
      return Verdict.CLOSE;
    }
    return Verdict.DROPPED;
  }

  /** Messages dropped so far. */
  long dropped() {
    return dropped;
  }

  /** How long the current flood has lasted at {@code now}; 0 when there is none. */
  long floodingFor(long now) {
    return floodSince == NEVER || now - lastDrop >= windowMs ? 0 : now - floodSince;
  }
}
