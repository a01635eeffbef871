package org.smartsession.model.scoring;

import java.util.EnumMap;
import java.util.Map;
import org.smartsession.model.alerts.AlertType;

/** Lets one alert of each type through per cool-down, so a teacher is told once, not per frame. */
final class AlertCooldown {
  private final long cooldownMs;
  private final Map<AlertType, Long> lastRaised = new EnumMap<>(AlertType.class);

  AlertCooldown(long cooldownMs) {
    this.cooldownMs = cooldownMs;
  }

  /** True, and remembered, when an alert of this type may be raised at this time. */
  boolean allow(AlertType type, long timestamp) {
    Long last = lastRaised.get(type);
    if (last != null && timestamp - last < cooldownMs) {
      return false;
    }
    lastRaised.put(type, timestamp);
    return true;
  }

  void clear() {
    lastRaised.clear();
  }
}
