package org.smartsession.engine.store;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which states become history points: at most one per student per interval, so a long
 * session at 5 frames per second does not fill the store. Later frames with older timestamps never
 * enter history.
 */
final class HistorySampler {
  private final long intervalMs;
  private final ConcurrentHashMap<String, Long> lastPoint = new ConcurrentHashMap<>();

  HistorySampler(long intervalMs) {
    this.intervalMs = intervalMs;
  }

  boolean isDue(String studentKey, long timestamp) {
    boolean[] due = {false};
    lastPoint.compute(
        studentKey,
        (key, last) -> {
          if (last == null || timestamp - last >= intervalMs) {
            due[0] = true;
            return timestamp;
          }
          return last;
        });
    return due[0];
  }

  void forgetSession(String sessionPrefix) {
    lastPoint.keySet().removeIf(key -> key.startsWith(sessionPrefix));
  }
}
