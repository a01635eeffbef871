package org.smartsession.model.session;

/**
 * Where a session is in its life: scheduled sessions wait for their opening time, open ones take
 * students and frames, ended ones take neither and stay readable for review until they expire.
 */
public enum SessionPhase {
  SCHEDULED,
  OPEN,
  ENDED
}
