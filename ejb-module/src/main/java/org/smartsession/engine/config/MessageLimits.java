package org.smartsession.engine.config;

/**
 * The largest WebSocket message accepted, in bytes; a larger one closes the connection (1009). At
 * most {@link #MAX_BYTES}: the web module's {@code WEB-INF/web.xml} lets the server's WebSocket
 * layer hold single frames of up to twice that, so that every message over the limit reaches the
 * endpoints and is answered with 1009.
 */
public record MessageLimits(int maxMessageBytes) {
  public static final int MAX_BYTES = 4 << 20;
  public static final MessageLimits DEFAULTS = new MessageLimits(1 << 20);

  public MessageLimits {
    if (maxMessageBytes < 1024 || maxMessageBytes > MAX_BYTES) {
      throw new IllegalArgumentException(
          "smartsession.ws.max-message-bytes must be between 1024 and " + MAX_BYTES);
    }
  }
}
