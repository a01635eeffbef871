package org.smartsession.engine.session;

/** The session lets students join only signed in through the institution's provider. */
public class StudentSignInRequiredException extends Exception {
  private static final long serialVersionUID = 1L;

  public StudentSignInRequiredException(String message) {
    super(message);
  }
}
