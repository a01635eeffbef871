package org.smartsession.engine.config;

import org.smartsession.model.alerts.AlertCaps;

/**
 * The deployment's alert policy: whether an alert may carry the frame that raised it, and how many
 * alerts and screenshots a student and a session may keep.
 */
public record AlertSettings(boolean screenshots, AlertCaps caps) {
  public static final AlertSettings DEFAULTS = new AlertSettings(true, AlertCaps.DEFAULTS);
}
