package org.smartsession.web.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Open connections grouped by a key (a session id, a student), each with its {@link Outbox}, and
 * the heartbeat that finds dead ones: a ping every interval, closed when no pong came back since
 * the ping before.
 */
class Connections<K> {
  private static final Logger LOG = Logger.getLogger(Connections.class.getName());
  private static final String LAST_PONG = "smartsession.lastPong";

  private final ConcurrentHashMap<K, Map<String, Outbox>> byKey = new ConcurrentHashMap<>();

  Outbox add(K key, Session socket) {
    Outbox outbox = new Outbox(socket);
    socket.getUserProperties().put(LAST_PONG, System.currentTimeMillis());
    byKey.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(socket.getId(), outbox);
    return outbox;
  }

  void remove(K key, Session socket) {
    byKey.computeIfPresent(
        key,
        (k, sockets) -> {
          sockets.remove(socket.getId());
          return sockets.isEmpty() ? null : sockets;
        });
  }

  Collection<Outbox> of(K key) {
    Map<String, Outbox> sockets = byKey.get(key);
    return sockets == null ? Set.of() : sockets.values();
  }

  Set<K> keys() {
    return byKey.keySet();
  }

  /** Open connections, all keys together. */
  int count() {
    int n = 0;
    for (Map<String, Outbox> sockets : byKey.values()) {
      n += sockets.size();
    }
    return n;
  }

  static void ponged(Session socket) {
    socket.getUserProperties().put(LAST_PONG, System.currentTimeMillis());
  }

  /** Closes connections silent since before {@code deadBefore}, pings the others. */
  void heartbeat(long deadBefore) {
    for (Map<String, Outbox> sockets : byKey.values()) {
      for (Outbox outbox : sockets.values()) {
        Session socket = outbox.socket();
        Object lastPong = socket.getUserProperties().get(LAST_PONG);
        if (!socket.isOpen() || (lastPong instanceof Long at && at < deadBefore)) {
          outbox.close(
              new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no answer to heartbeat"));
          continue;
        }
        try {
          socket.getAsyncRemote().sendPing(ByteBuffer.wrap(new byte[] {1}));
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.FINE, "Ping failed on " + socket.getId(), e);
        }
      }
    }
  }
}
