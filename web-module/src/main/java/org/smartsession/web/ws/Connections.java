package org.smartsession.web.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
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

  Outbox add(K key, Session session) {
    Outbox outbox = new Outbox(session);
    session.getUserProperties().put(LAST_PONG, System.currentTimeMillis());
    byKey.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(session.getId(), outbox);
    return outbox;
  }

  void remove(K key, Session session) {
    byKey.computeIfPresent(
        key,
        (k, sessions) -> {
          sessions.remove(session.getId());
          return sessions.isEmpty() ? null : sessions;
        });
  }

  Collection<Outbox> of(K key) {
    Map<String, Outbox> sessions = byKey.get(key);
    return sessions == null ? Set.of() : sessions.values();
  }

  Set<K> keys() {
    return byKey.keySet();
  }

  static void ponged(Session session) {
    session.getUserProperties().put(LAST_PONG, System.currentTimeMillis());
  }

  /** Closes connections silent since before {@code deadBefore}, pings the others. */
  void heartbeat(long deadBefore) {
    for (Map<String, Outbox> sessions : byKey.values()) {
      for (Outbox outbox : sessions.values()) {
        Session session = outbox.session();
        Object lastPong = session.getUserProperties().get(LAST_PONG);
        if (!session.isOpen() || (lastPong instanceof Long at && at < deadBefore)) {
          outbox.close(
              new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no answer to heartbeat"));
          continue;
        }
        try {
          session.getAsyncRemote().sendPing(ByteBuffer.wrap(new byte[] {1}));
        } catch (java.io.IOException | RuntimeException e) {
          LOG.log(Level.FINE, "Ping failed on " + session.getId(), e);
        }
      }
    }
  }
}
