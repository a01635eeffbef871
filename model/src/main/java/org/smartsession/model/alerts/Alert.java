package org.smartsession.model.alerts;

import java.util.Objects;

/**
 * An integrity alert about one student. {@code screenshot} is the triggering frame as a JPEG data
 * URL where policy allows; {@code acknowledgement} is empty until a teacher acts on it.
 */
public record Alert(
    String alertId,
    String sessionId,
    String studentId,
    AlertType type,
    long timestamp,
    String reason,
    long durationMs,
    double confidence,
    String screenshot,
    Acknowledgement acknowledgement) {

  public Alert {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(studentId, "studentId");
    Objects.requireNonNull(type, "type");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1");
    }
  }

  public Alert withScreenshot(String dataUrl) {
    return new Alert(
        alertId,
        sessionId,
        studentId,
        type,
        timestamp,
        reason,
        durationMs,
        confidence,
        dataUrl,
        acknowledgement);
  }

  public Alert acknowledged(Acknowledgement ack) {
    return new Alert(
        alertId,
        sessionId,
        studentId,
        type,
        timestamp,
        reason,
        durationMs,
        confidence,
        screenshot,
        ack);
  }
}
