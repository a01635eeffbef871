package org.smartsession.engine.config;

/** The largest WebSocket message accepted, in bytes; a larger one closes the connection (1009). */
public record MessageLimits(int maxMessageBytes) {
  public static final MessageLimits DEFAULTS = new MessageLimits(1 << 20);

  public MessageLimits {
    if (maxMessageBytes < 1024) {
      throw new IllegalArgumentException("max message bytes must be at least 1024");
    }
  }
}
