package org.smartsession.engine.session;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.StudentKey;

/**
 * A student this server receives frames from. It outlives a dropped connection for a while (see
 * {@link StudentRegistry}), so that a student who reconnects resumes where they were.
 */
public final class ConnectedStudent {
  private final StudentKey key;
  private volatile String name;
  private final SessionKind kind;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicLong lastSeen = new AtomicLong();
  private long latestFrameTime = Long.MIN_VALUE;
  private volatile Locale locale = Locale.ENGLISH;

  public ConnectedStudent(StudentKey key, String name, SessionKind kind, long now) {
    this.key = Objects.requireNonNull(key);
    this.name = name;
    this.kind = Objects.requireNonNull(kind);
    this.lastSeen.set(now);
  }

  public StudentKey key() {
    return key;
  }

  public String name() {
    return name;
  }

  /** The language the student's page reads, that of their latest connection. */
  public Locale locale() {
    return locale;
  }

  /** The kind of the student's session, which decides the alert rules that apply. */
  public SessionKind kind() {
    return kind;
  }

  /** A new connection; {@code name} is the one the student joined with last. */
  void connected(long now, String name, Locale locale) {
    this.name = name;
    this.locale = Objects.requireNonNull(locale);
    connections.incrementAndGet();
    lastSeen.set(now);
  }

  void disconnected(long now) {
    connections.decrementAndGet();
    lastSeen.set(now);
  }

  boolean isConnected() {
    return connections.get() > 0;
  }

  long lastSeen() {
    return lastSeen.get();
  }

  /**
   * The capture time to assess a frame at: the time the student's clock gave it, kept within {@code
   * toleranceMs} of {@code receivedAt} (server time) and never more than {@code toleranceMs} before
   * this student's latest frame, whichever connection brought it; a time outside those bounds
   * becomes the nearest time within them. A client can thus neither rewind the clock that paces
   * alert rules and cool-downs nor run it ahead of the server's.
   */
  public synchronized long frameTime(long claimed, long receivedAt, long toleranceMs) {
    long earliest = receivedAt - toleranceMs;
    if (latestFrameTime != Long.MIN_VALUE) {
      earliest = Math.max(earliest, latestFrameTime - toleranceMs);
    }
    long time = Math.min(Math.max(claimed, earliest), receivedAt + toleranceMs);
    latestFrameTime = Math.max(latestFrameTime, time);
    return time;
  }
}
