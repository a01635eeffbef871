package org.smartsession.engine.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * At most N events per key in any minute (a sliding window of the key's event times): sessions a
 * teacher creates, joins from one client address. A key without an event in the last minute holds
 * no memory here.
 */
final class PerMinuteLimit {
  private static final long WINDOW_MS = 60_000;

  private final IntSupplier perMinute;
  private final ConcurrentHashMap<String, Deque<Long>> recent = new ConcurrentHashMap<>();

  PerMinuteLimit(IntSupplier perMinute) {
    this.perMinute = perMinute;
  }

  /** 0 when the key may act now (and it is counted), else how many ms to wait. */
  long admit(String key, long now) {
    long[] wait = {0};
    recent.compute(
        key,
        (k, times) -> {
          Deque<Long> t = times == null ? new ArrayDeque<>() : times;
          while (!t.isEmpty() && t.peekFirst() <= now - WINDOW_MS) {
            t.pollFirst();
          }
          if (t.size() >= perMinute.getAsInt()) {
            wait[0] = t.peekFirst() + WINDOW_MS - now;
          } else {
            t.addLast(now);
          }
          return t.isEmpty() ? null : t;
        });
    return wait[0];
  }
}
