package org.smartsession.engine.session;

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

  /** The kind of the student's session, which decides the alert rules that apply. */
  public SessionKind kind() {
    return kind;
  }

  /** A new connection; {@code name} is the one the student joined with last. */
  void connected(long now, String name) {
    this.name = name;
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
}
