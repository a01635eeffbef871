package org.smartsession.web.ws;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * What both sockets check at the handshake, before the connection is upgraded: a browser page may
 * open them only from the server's own origin or an allowed one (see {@link OriginCheck}); Tyrus
 * answers a refused origin with 403.
 */
public class HandshakeChecks extends ServerEndpointConfig.Configurator {

  @Override
  public boolean checkOrigin(String originHeaderValue) {
    return CDI.current().select(OriginCheck.class).get().allows(originHeaderValue);
  }
}
