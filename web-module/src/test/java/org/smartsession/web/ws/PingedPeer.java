package org.smartsession.web.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The far end of one connection, as the heartbeat sees it: pings and closes are recorded. */
final class PingedPeer {
  /** Where {@link Connections} keeps the time of a connection's latest pong. */
  static final String LAST_PONG = "smartsession.lastPong";

  private static int count;

  final String id = "peer-" + ++count;
  final Map<String, Object> userProperties = new HashMap<>();
  final List<CloseReason> closes = new ArrayList<>();
  int pings;
  boolean open = true;
  boolean pingFails;
  final Session session;

  PingedPeer() {
    RemoteEndpoint.Async async =
        (RemoteEndpoint.Async)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("sendPing")) {
                    if (pingFails) {
                      throw new IOException("connection reset");
                    }
                    pings++;
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    session =
        (Session)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Session.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getAsyncRemote" -> async;
                      case "getUserProperties" -> userProperties;
                      case "isOpen" -> open;
                      case "getId" -> id;
                      case "close" -> {
                        closes.add(args == null ? null : (CloseReason) args[0]);
                        open = false;
                        yield null;
                      }
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
  }

  /** Makes the connection's latest pong have come at {@code at} (epoch milliseconds). */
  void pongedAt(long at) {
    userProperties.put(LAST_PONG, at);
  }

  boolean closedGoingAway() {
    return closes.size() == 1 && closes.get(0).getCloseCode() == CloseReason.CloseCodes.GOING_AWAY;
  }
}
