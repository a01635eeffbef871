package org.smartsession.engine.config;

/** Accepted frame dimensions, checked from the JPEG header before decoding. */
public record FrameLimits(int minWidth, int minHeight, int maxWidth, int maxHeight) {
  public static final FrameLimits DEFAULTS = new FrameLimits(64, 48, 1920, 1920);

  public FrameLimits {
    if (minWidth < 1 || minHeight < 1 || maxWidth < minWidth || maxHeight < minHeight) {
      throw new IllegalArgumentException("frame limits must satisfy 1 <= min <= max");
    }
  }
}
