package org.smartsession.engine.config;

/** Accepted frame dimensions and the largest accepted message, in bytes. */
public record FrameLimits(
    int minWidth, int minHeight, int maxWidth, int maxHeight, int maxMessageBytes) {
  public FrameLimits {
    if (minWidth < 1 || minHeight < 1 || maxWidth < minWidth || maxHeight < minHeight) {
      throw new IllegalArgumentException("frame limits must satisfy 1 <= min <= max");
    }
  }

  public static FrameLimits defaults() {
    return new FrameLimits(64, 48, 1920, 1920, 1 << 20);
  }
}
