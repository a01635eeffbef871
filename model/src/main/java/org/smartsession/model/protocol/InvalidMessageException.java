package org.smartsession.model.protocol;

/** A message that cannot be accepted; {@link #code()} is the machine-readable reason sent back. */
public class InvalidMessageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public InvalidMessageException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public InvalidMessageException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
