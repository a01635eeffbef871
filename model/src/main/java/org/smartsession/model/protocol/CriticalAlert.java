package org.smartsession.model.protocol;

import static org.smartsession.model.protocol.Fields.required;

/**
 * Server to the teachers of a session, at once: an integrity alert. {@code screenshot} is a JPEG
 * data URL of the triggering frame, absent when the alert type has none or policy forbids it. The
 * same alert id again, with a higher {@code count}, says that its condition was raised again (last
 * at {@code lastTimestamp}) while the alert was open; such a repeat carries no screenshot. The REST
 * API answers alerts in this same shape, with {@code acknowledgement} once a teacher decided.
 */
public record CriticalAlert(
    String alertId,
    String sessionId,
    String studentId,
    String alertType,
    long timestamp,
    String reason,
    long durationMs,
    double confidence,
    String screenshot,
    int count,
    long lastTimestamp,
    AlertReview acknowledgement)
    implements Message {
  public static final String TYPE = "CRITICAL_ALERT";

  public CriticalAlert {
    required(alertId, TYPE, "alertId");
    required(sessionId, TYPE, "sessionId");
    required(studentId, TYPE, "studentId");
    required(alertType, TYPE, "alertType");
    Fields.score(confidence, TYPE, "confidence");
  }
}
