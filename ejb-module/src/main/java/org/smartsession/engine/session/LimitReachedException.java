package org.smartsession.engine.session;

/**
 * A limit was reached: a teacher keeps too many sessions or creates them too fast, a session is
 * full, a client joins too fast; {@code retryAfterSeconds} says when to try again (0: not before
 * something else changed, such as sessions ending).
 */
public class LimitReachedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  public LimitReachedException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
