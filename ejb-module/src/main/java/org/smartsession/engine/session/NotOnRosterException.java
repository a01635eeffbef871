package org.smartsession.engine.session;

/** The session lets only the students on its roster join, and this one is not on it. */
public class NotOnRosterException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotOnRosterException(String message) {
    super(message);
  }
}
