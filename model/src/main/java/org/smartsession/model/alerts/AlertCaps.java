package org.smartsession.model.alerts;

/**
 * How many alerts, and alert screenshots, one student and one session may keep, so that a camera
 * that keeps raising, or a hostile client, cannot fill the store or a teacher's screen. A condition
 * raised again while its alert is open never counts: it folds into that alert.
 */
public record AlertCaps(
    int perStudent, int perSession, int screenshotsPerStudent, int screenshotsPerSession) {
  public static final AlertCaps DEFAULTS = new AlertCaps(50, 2_000, 10, 300);

  public AlertCaps {
    if (perStudent < 1 || perSession < 1) {
      throw new IllegalArgumentException("alert caps must be at least 1");
    }
    if (screenshotsPerStudent < 0 || screenshotsPerSession < 0) {
      throw new IllegalArgumentException("screenshot caps must be at least 0");
    }
  }

  /** Whether one more alert may be kept. */
  public boolean admits(AlertCounts counts) {
    return counts.studentAlerts() < perStudent && counts.sessionAlerts() < perSession;
  }

  /** Whether one more alert may keep its screenshot. */
  public boolean keepsScreenshot(AlertCounts counts) {
    return counts.studentScreenshots() < screenshotsPerStudent
        && counts.sessionScreenshots() < screenshotsPerSession;
  }
}
