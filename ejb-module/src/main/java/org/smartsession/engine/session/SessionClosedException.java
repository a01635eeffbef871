package org.smartsession.engine.session;

/** The session takes no students now: it opens later, or it has ended. */
public class SessionClosedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean ended;
  private final Long opensAt;

  /** The session has ended. */
  public SessionClosedException(String message) {
    super(message);
    this.ended = true;
    this.opensAt = null;
  }

  /** The session opens at {@code opensAt} (epoch ms). */
  public SessionClosedException(String message, long opensAt) {
    super(message);
    this.ended = false;
    this.opensAt = opensAt;
  }

  /** True when it has ended for good, false when it opens later. */
  public boolean ended() {
    return ended;
  }

  /** When a session that has not ended opens, in epoch ms; null once it has ended. */
  public Long opensAt() {
    return opensAt;
  }
}
