package org.smartsession.engine.config;

/**
 * How many single images {@code /api/v1/analyze} analyses at once; more wait for none and are
 * refused (429), so that diagnostics never take the frame workers' cores from the students.
 */
public record AnalyzeLimits(int maxConcurrent) {
  public static final AnalyzeLimits DEFAULTS = new AnalyzeLimits(1);

  public AnalyzeLimits {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("smartsession.analyze.max-concurrent must be at least 1");
    }
  }
}
