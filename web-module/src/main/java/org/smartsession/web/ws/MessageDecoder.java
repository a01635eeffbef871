package org.smartsession.web.ws;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import org.smartsession.model.protocol.InvalidMessageException;
import org.smartsession.model.protocol.Message;

/** Text frame to {@link Message}; a refused message reaches {@code @OnError} with its reason. */
public class MessageDecoder implements Decoder.Text<Message> {

  @Override
  public Message decode(String text) throws DecodeException {
    try {
      return Protocol.CODEC.decode(text);
    } catch (InvalidMessageException e) {
      throw new DecodeException(abbreviate(text), e.getMessage(), e);
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
