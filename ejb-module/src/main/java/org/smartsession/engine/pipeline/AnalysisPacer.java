package org.smartsession.engine.pipeline;

import java.util.EnumMap;
import java.util.Map;
import org.smartsession.model.session.SessionKind;

/**
 * Decides, once a second from what the frame queue did in that second, how fast students' pages may
 * send. When the workers fall behind (more than {@link #DROPPED_SHARE} of the frames offered were
 * replaced by newer ones or went stale, {@link #OVERLOADED_TICKS} seconds running), the server asks
 * for fewer frames one step at a time: exams first, to one frame a second, then lectures, then both
 * to one every two seconds (their alert rules judge seconds of a seated student; a lecture's
 * feedback to the student is the more interactive). Once the workers have had room for {@link
 * #ROOM_TICKS} seconds (nothing dropped, busy less than {@link #ROOM_BUSY} of the time), the rate
 * goes back up one step. Steps up wait {@link #SETTLE_MS} for the pages to follow the last one.
 */
public final class AnalysisPacer {
  static final double DROPPED_SHARE = 0.05;
  static final int OVERLOADED_TICKS = 2;
  static final int ROOM_TICKS = 10;
  static final double ROOM_BUSY = 0.5;
  static final long SETTLE_MS = 3_000;

  /** Frames a second asked of exams and lectures at each step; null: as many as the page sends. */
  private static final Double[][] STEPS = {
    {null, null}, {1.0, null}, {1.0, 1.0}, {0.5, 1.0}, {0.5, 0.5}
  };

  private int step;
  private long changedAt = Long.MIN_VALUE;
  private final Map<SessionKind, Long> reducedSince = new EnumMap<>(SessionKind.class);
  private int overloadedTicks;
  private int roomTicks;
  private boolean started;
  private long lastAt;
  private long lastOffered;
  private long lastDropped;
  private long lastBusyNanos;

  /**
   * One second's counts, as totals since the start; true when the rate asked of some students
   * changed.
   */
  public synchronized boolean tick(
      long now, long offered, long dropped, long busyNanos, int workers) {
    if (!started) {
      started = true;
      remember(now, offered, dropped, busyNanos);
      return false;
    }
    long newlyOffered = offered - lastOffered;
    long newlyDropped = dropped - lastDropped;
    double busy = now > lastAt ? (busyNanos - lastBusyNanos) / (workers * (now - lastAt) * 1e6) : 0;
    remember(now, offered, dropped, busyNanos);

    boolean overloaded = newlyOffered >= 5 && newlyDropped > DROPPED_SHARE * newlyOffered;
    overloadedTicks = overloaded ? overloadedTicks + 1 : 0;
    roomTicks = newlyDropped == 0 && busy < ROOM_BUSY ? roomTicks + 1 : 0;
    if (overloadedTicks >= OVERLOADED_TICKS
        && step < STEPS.length - 1
        && (changedAt == Long.MIN_VALUE || now - changedAt >= SETTLE_MS)) {
      return moveTo(step + 1, now);
    }
    if (roomTicks >= ROOM_TICKS && step > 0) {
      return moveTo(step - 1, now);
    }
    return false;
  }

  private void remember(long now, long offered, long dropped, long busyNanos) {
    lastAt = now;
    lastOffered = offered;
    lastDropped = dropped;
    lastBusyNanos = busyNanos;
  }

  private boolean moveTo(int next, long now) {
    step = next;
    changedAt = now;
    overloadedTicks = 0;
    roomTicks = 0;
    for (SessionKind kind : SessionKind.values()) {
      if (fpsFor(kind) == null) {
        reducedSince.remove(kind);
      } else {
        reducedSince.putIfAbsent(kind, now);
      }
    }
    return true;
  }

  /** The frames a second asked of this kind of session's students; null when not limited. */
  public synchronized Double fpsFor(SessionKind kind) {
    return STEPS[step][kind == SessionKind.EXAM ? 0 : 1];
  }

  /** Since when this kind of session's students are asked for fewer frames; null when not. */
  public synchronized Long reducedSince(SessionKind kind) {
    return reducedSince.get(kind);
  }
}
