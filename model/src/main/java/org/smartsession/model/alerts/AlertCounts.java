package org.smartsession.model.alerts;

/** How many alerts, and alerts with a screenshot, a session and one of its students have. */
public record AlertCounts(
    int sessionAlerts, int studentAlerts, int sessionScreenshots, int studentScreenshots) {
  public static final AlertCounts NONE = new AlertCounts(0, 0, 0, 0);
}
