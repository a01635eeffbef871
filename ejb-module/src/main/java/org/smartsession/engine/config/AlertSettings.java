package org.smartsession.engine.config;

/** The deployment's alert policy: whether an alert may carry the frame that raised it. */
public record AlertSettings(boolean screenshots) {
  public static final AlertSettings DEFAULTS = new AlertSettings(true);
}
