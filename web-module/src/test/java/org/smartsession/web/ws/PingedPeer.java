package org.smartsession.web.ws;

import jakarta.websocket.CloseReason;
import java.io.IOException;

/** The far end of one connection, as the heartbeat sees it: pings and closes are recorded. */
final class PingedPeer extends FakeSocket {
  /** Where {@link Connections} keeps the time of a connection's latest pong. */
  static final String LAST_PONG = "smartsession.lastPong";

  int pings;
  boolean pingFails;

  @Override
  Object remote(String method, Object[] args) throws IOException {
    if (method.equals("sendPing")) {
      if (pingFails) {
        throw new IOException("connection reset");
      }
      pings++;
      return null;
    }
    throw new UnsupportedOperationException(method);
  }

  /** Makes the connection's latest pong have come at {@code at} (epoch milliseconds). */
  void pongedAt(long at) {
    userProperties.put(LAST_PONG, at);
  }

  boolean closedGoingAway() {
    return closes.size() == 1 && closes.get(0).getCloseCode() == CloseReason.CloseCodes.GOING_AWAY;
  }
}
