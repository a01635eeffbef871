package org.smartsession.engine.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides which states become history points: at most one per student per interval, so a long
 * session at 5 frames per second does not fill the store. Later frames with older timestamps never
 * enter history. A student whose last point is older than {@code forgetAfterMs} (the state's time
 * to live) is forgotten, so the memory follows the live students, not every student ever seen.
 */
final class HistorySampler {
  /** How often, in calls, students long gone are looked for. */
  static final int SWEEP_EVERY = 1024;

  private final long intervalMs;
  private final long forgetAfterMs;
  private final ConcurrentHashMap<String, Long> lastPoint = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();

  HistorySampler(long intervalMs, long forgetAfterMs) {
    this.intervalMs = intervalMs;
    this.forgetAfterMs = forgetAfterMs;
  }

  boolean isDue(String studentKey, long timestamp) {
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      lastPoint.values().removeIf(last -> timestamp - last > forgetAfterMs);
    }
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

  void forget(String studentKey) {
    lastPoint.remove(studentKey);
  }

  void forgetSession(String sessionPrefix) {
    lastPoint.keySet().removeIf(key -> key.startsWith(sessionPrefix));
  }

  /** Students remembered, for tests. */
  int size() {
    return lastPoint.size();
  }
}
