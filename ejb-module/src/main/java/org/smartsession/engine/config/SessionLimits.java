package org.smartsession.engine.config;

/**
 * How many sessions one teacher may keep ({@code maxPerTeacher}, counting those not yet expired)
 * and create per minute ({@code createdPerMinute}), so that one account, or a script gone wrong,
 * cannot fill the store.
 */
public record SessionLimits(int maxPerTeacher, int createdPerMinute) {
  public static final SessionLimits DEFAULTS = new SessionLimits(200, 20);

  public SessionLimits {
    if (maxPerTeacher < 1 || createdPerMinute < 1) {
      throw new IllegalArgumentException("session limits must be at least 1");
    }
  }
}
