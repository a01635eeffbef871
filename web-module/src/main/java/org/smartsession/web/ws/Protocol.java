package org.smartsession.web.ws;

import org.smartsession.model.protocol.ProtocolCodec;

/** The one codec every endpoint, encoder and decoder shares (JSON-B instances are thread-safe). */
final class Protocol {
  static final ProtocolCodec CODEC = new ProtocolCodec();

  private Protocol() {}
}
