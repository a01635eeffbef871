package org.smartsession.engine.session;

/**
 * A teacher reached a limit: too many sessions kept, or created too fast; {@code retryAfterSeconds}
 * says when to try again (0: not before some of their sessions ended).
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
