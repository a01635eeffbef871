package org.smartsession.engine.session;

/** The signed-in teacher may not do this to this session; the message says why. */
public class NotPermittedException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotPermittedException(String message) {
    super(message);
  }
}
