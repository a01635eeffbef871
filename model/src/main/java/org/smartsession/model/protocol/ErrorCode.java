package org.smartsession.model.protocol;

/** Reasons a message or a frame was refused, as sent in {@link ErrorMessage#code()}. */
public enum ErrorCode {
  /** Not JSON, or JSON that is not an object. */
  MALFORMED_JSON,
  /** A {@code type} this protocol does not know, or no {@code type} at all. */
  UNKNOWN_TYPE,
  /** A known message that this endpoint does not accept. */
  UNEXPECTED_TYPE,
  /** A required field is missing, or a field has the wrong type, format or size. */
  INVALID_FIELD,
  /** The message names another student or session than the connection's own. */
  IDENTITY_MISMATCH,
  /** The frame is not a decodable JPEG of acceptable dimensions. */
  INVALID_FRAME,
  /** The session or the alert named does not exist. */
  NOT_FOUND,
  /** The connection sends frames faster than allowed: the excess is dropped. */
  RATE_LIMITED
}
