package org.smartsession.model.alerts;

import jakarta.json.bind.annotation.JsonbCreator;
import java.util.Objects;

/**
 * An integrity alert about one student. {@code screenshot} is the triggering frame as a JPEG data
 * URL where policy allows; {@code acknowledgement} is empty until a teacher acts on it. The same
 * condition raised again while the alert is open counts here ({@code count}, {@code lastTimestamp})
 * instead of becoming another alert.
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
    Acknowledgement acknowledgement,
    int count,
    long lastTimestamp) {

  /** The one constructor JSON-B uses: alerts stored before repeats were counted lack two fields. */
  @JsonbCreator
  public Alert {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(studentId, "studentId");
    Objects.requireNonNull(type, "type");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1");
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    count = Math.max(count, 1);
    lastTimestamp = Math.max(lastTimestamp, timestamp);
  }

  /** A new alert, raised once so far. */
  public Alert(
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
    this(
        alertId,
        sessionId,
        studentId,
        type,
        timestamp,
        reason,
        durationMs,
        confidence,
        screenshot,
        acknowledgement,
        1,
        timestamp);
  }

  public boolean isOpen() {
    return acknowledgement == null;
  }

  /** This alert with its condition raised {@code count} times, the last at {@code at}. */
  public Alert repeated(int count, long at) {
    return with(screenshot, acknowledgement, count, Math.max(at, lastTimestamp));
  }

  public Alert withScreenshot(String dataUrl) {
    return with(dataUrl, acknowledgement, count, lastTimestamp);
  }

  public Alert acknowledged(Acknowledgement ack) {
    return with(screenshot, ack, count, lastTimestamp);
  }

  /** This alert with what may change about it after it was raised. */
  private Alert with(String shot, Acknowledgement ack, int times, long last) {
    return new Alert(
        alertId,
        sessionId,
        studentId,
        type,
        timestamp,
        reason,
        durationMs,
        confidence,
        shot,
        ack,
        times,
        last);
  }
}
