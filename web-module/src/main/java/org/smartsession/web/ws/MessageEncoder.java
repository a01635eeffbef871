package org.smartsession.web.ws;

import jakarta.websocket.Encoder;
import org.smartsession.model.protocol.Message;

/** {@link Message} to text frame. */
public class MessageEncoder implements Encoder.Text<Message> {

  @Override
  public String encode(Message message) {
    return Protocol.CODEC.encode(message);
  }
}
