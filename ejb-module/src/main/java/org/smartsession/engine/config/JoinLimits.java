package org.smartsession.engine.config;

/**
 * How many students one session may have ({@code maxPerSession}), and how many joins one client
 * address may make in any minute ({@code perMinutePerClient}): enough for a lecture hall behind one
 * campus NAT, too few to flood the store with made-up students or to guess ids quickly.
 */
public record JoinLimits(int maxPerSession, int perMinutePerClient) {
  public static final JoinLimits DEFAULTS = new JoinLimits(500, 600);

  public JoinLimits {
    if (maxPerSession < 1 || perMinutePerClient < 1) {
      throw new IllegalArgumentException("join limits must be at least 1");
    }
  }
}
