package org.smartsession.engine.session;

/** The session takes no students now: it opens later, or it has ended. */
public class SessionClosedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean ended;

  public SessionClosedException(String message, boolean ended) {
    super(message);
    this.ended = ended;
  }

  /** True when it has ended for good, false when it opens later. */
  public boolean ended() {
    return ended;
  }
}
