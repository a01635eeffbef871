package org.smartsession.engine.broadcast;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Which sessions have teachers connected to this server, and so need a summary every second. */
@ApplicationScoped
public class TeacherPresence {
  private final ConcurrentHashMap<String, AtomicInteger> watchers = new ConcurrentHashMap<>();

  public void joined(String sessionId) {
    watchers.computeIfAbsent(sessionId, id -> new AtomicInteger()).incrementAndGet();
  }

  public void left(String sessionId) {
    watchers.computeIfPresent(
        sessionId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
  }

  public Set<String> watchedSessions() {
    return Set.copyOf(watchers.keySet());
  }
}
