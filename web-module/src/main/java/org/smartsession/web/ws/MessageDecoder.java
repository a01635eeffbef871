package org.smartsession.web.ws;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EndpointConfig;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.engine.config.MessageLimits;
import org.smartsession.model.protocol.InvalidMessageException;
import org.smartsession.model.protocol.Message;

/**
 * Text frame to {@link Message}; a refused message reaches {@code @OnError} with its reason. A
 * message over the size limit is not even parsed: its {@link OversizedMessage} closes the
 * connection with 1009, however it arrived (the container itself checks only messages sent in
 * fragments).
 */
public class MessageDecoder implements Decoder.Text<Message> {
  private static final Logger LOG = Logger.getLogger(MessageDecoder.class.getName());
  private int maxBytes = MessageLimits.DEFAULTS.maxMessageBytes();

  @Override
  public void init(EndpointConfig config) {
    maxBytes = CDI.current().select(MessageLimits.class).get().maxMessageBytes();
  }

  /** For tests, without a container. */
  MessageDecoder withLimit(int bytes) {
    maxBytes = bytes;
    return this;
  }

  @Override
  public Message decode(String text) throws DecodeException {
    if (OversizedMessage.exceeds(text, maxBytes)) {
      OversizedMessage oversized = new OversizedMessage(maxBytes);
      throw new DecodeException(abbreviate(text), oversized.getMessage(), oversized);
    }
    try {
      return Protocol.CODEC.decode(text);
    } catch (InvalidMessageException e) {
      throw new DecodeException(abbreviate(text), e.getMessage(), e);
    } catch (RuntimeException e) {
      // A parser's own failure the codec does not know: the client is still answered, and the
      // operator learns of it.
      LOG.log(Level.WARNING, "A message could not be read", e);
      throw new DecodeException(abbreviate(text), "the message could not be read as JSON", e);
    }
  }

  @Override
  public boolean willDecode(String text) {
    return true;
  }

  /** Keeps a rejected frame's megabyte of base64 out of the exception. */
  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
