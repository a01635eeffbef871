package org.smartsession.engine.session;

/**
 * A student with this id has already joined the session, and the join did not carry their token:
 * the id is not handed over to whoever asks next.
 */
public class StudentIdTakenException extends Exception {
  private static final long serialVersionUID = 1L;

  public StudentIdTakenException(String message) {
    super(message);
  }
}
