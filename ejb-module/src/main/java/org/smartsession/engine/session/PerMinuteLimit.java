package org.smartsession.engine.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * At most N creations per teacher in any minute (a sliding window of their creation times). A
 * teacher with no creation in the last minute holds no memory here.
 */
final class CreationRate {
  private static final long WINDOW_MS = 60_000;

  private final IntSupplier perMinute;
  private final ConcurrentHashMap<String, Deque<Long>> recent = new ConcurrentHashMap<>();

  CreationRate(IntSupplier perMinute) {
    this.perMinute = perMinute;
  }

  /** 0 when the teacher may create now (and it is counted), else how many ms to wait. */
  long admit(String teacher, long now) {
    long[] wait = {0};
    recent.compute(
        teacher,
        (key, times) -> {
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
