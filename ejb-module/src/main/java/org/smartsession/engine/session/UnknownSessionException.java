package org.smartsession.engine.session;

/** The session does not exist (never created, or expired), or the student never joined it. */
public class UnknownSessionException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnknownSessionException(String message) {
    super(message);
  }
}
