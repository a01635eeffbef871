package org.smartsession.model.protocol;

import static org.smartsession.model.protocol.Fields.required;

/** Server to client: a message or frame was refused; the connection goes on. */
public record ErrorMessage(String code, String message) implements Message {
  public static final String TYPE = "ERROR";

  public ErrorMessage {
    required(code, TYPE, "code");
    required(message, TYPE, "message");
  }

  public static ErrorMessage of(InvalidMessageException e) {
    return new ErrorMessage(e.code().name(), e.getMessage());
  }
}
