package org.smartsession.model.protocol;

/**
 * Server to student: send at most {@code fps} frames a second from now on, because the server
 * analyses fewer than its students send; {@code null} lifts the limit again. The page sends at the
 * lower of this and its own rate.
 */
public record Rate(Double fps) implements Message {
  public static final String TYPE = "RATE";

  public Rate {
    if (fps != null && !(fps > 0 && fps <= 1000)) {
      throw new InvalidMessageException(
          ErrorCode.INVALID_FIELD, TYPE + ".fps must be above 0 and at most 1000, or absent");
    }
  }
}
