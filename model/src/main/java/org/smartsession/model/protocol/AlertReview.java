package org.smartsession.model.protocol;

/**
 * A teacher's decision on an alert as {@link CriticalAlert} carries it: the same fields as the
 * {@code ALERT_ACKNOWLEDGED} message that announced it.
 */
public record AlertReview(String action, String acknowledgedBy, long timestamp) {}
