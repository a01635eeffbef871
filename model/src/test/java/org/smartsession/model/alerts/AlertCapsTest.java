package org.smartsession.model.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AlertCapsTest {
  private final AlertCaps caps = new AlertCaps(3, 10, 1, 2);

  @Test
  void admitsUpToEachCap() {
    assertTrue(caps.admits(new AlertCounts(9, 2, 0, 0)));
    assertFalse(caps.admits(new AlertCounts(9, 3, 0, 0)), "the student's cap");
    assertFalse(caps.admits(new AlertCounts(10, 0, 0, 0)), "the session's cap");
  }

  @Test
  void keepsScreenshotsUpToTheirOwnCaps() {
    assertTrue(caps.keepsScreenshot(new AlertCounts(5, 2, 1, 0)));
    assertFalse(caps.keepsScreenshot(new AlertCounts(5, 2, 1, 1)), "the student's cap");
    assertFalse(caps.keepsScreenshot(new AlertCounts(5, 2, 2, 0)), "the session's cap");
    assertFalse(new AlertCaps(3, 10, 0, 0).keepsScreenshot(AlertCounts.NONE), "none allowed");
  }

  @Test
  void refusesCapsThatWouldKeepNoAlert() {
    assertThrows(IllegalArgumentException.class, () -> new AlertCaps(0, 10, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new AlertCaps(1, 10, -1, 1));
  }

  @Test
  void aRepeatCountsOnTheAlertAndNeverGoesBackInTime() {
    Alert alert =
        new Alert("A", "S", "P", AlertType.NO_FACE, 1_000, "no face", 10_000, 1, null, null);
    assertEquals(1, alert.count());
    assertEquals(1_000, alert.lastTimestamp());
    Alert repeated = alert.repeated(2, 70_000);
    assertEquals(2, repeated.count());
    assertEquals(70_000, repeated.lastTimestamp());
    assertEquals(70_000, repeated.repeated(3, 5_000).lastTimestamp());
    assertTrue(repeated.isOpen());
  }
}
