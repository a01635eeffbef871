package org.smartsession.model.protocol;

import static org.smartsession.model.protocol.Fields.enumValue;
import static org.smartsession.model.protocol.Fields.maxLength;
import static org.smartsession.model.protocol.Fields.required;

/**
 * Teacher to server: an alert was reviewed or dismissed. The server passes it on to the session's
 * other teachers with {@code acknowledgedBy} and {@code timestamp} filled in.
 */
public record AlertAcknowledged(
    String alertId, String action, String acknowledgedBy, Long timestamp) implements Message {
  public static final String TYPE = "ALERT_ACKNOWLEDGED";

  /** What a teacher decided about an alert. */
  public enum Action {
    REVIEWED,
    DISMISSED
  }

  public AlertAcknowledged {
    maxLength(required(alertId, TYPE, "alertId"), TYPE, "alertId", 64);
    enumValue(Action.class, action, TYPE, "action");
    maxLength(acknowledgedBy, TYPE, "acknowledgedBy", 128);
  }

  public Action actionValue() {
    return Action.valueOf(action);
  }
}
