package org.smartsession.model.scoring;

import java.util.Objects;
import org.smartsession.model.alerts.AlertType;

/**
 * An alert a rule decided to raise for the frame at {@code timestamp}; the engine gives it an id,
 * the student and session, and the screenshot where policy allows.
 */
public record RaisedAlert(
    AlertType type, long timestamp, String reason, long durationMs, double confidence) {
  public RaisedAlert {
    Objects.requireNonNull(type, "type");
  }
}
