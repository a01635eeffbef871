package org.smartsession.engine.session;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.smartsession.engine.analysis.FaceAnalyzer;
import org.smartsession.engine.analysis.FaceTracker;
import org.smartsession.model.scoring.StudentAssessor;
import org.smartsession.model.session.SessionKind;

/**
 * A student this server receives frames from, with the per-student scoring state. It outlives a
 * dropped connection for a while, so that a student who reconnects resumes with their calibration.
 */
public final class ConnectedStudent {
  private final StudentKey key;
  private final String name;
  private final SessionKind kind;
  private final StudentAssessor assessor;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicLong lastSeen = new AtomicLong();
  private final AtomicBoolean recalibrationRequested = new AtomicBoolean();
  private FaceTracker tracker;

  public ConnectedStudent(
      StudentKey key, String name, SessionKind kind, StudentAssessor assessor, long now) {
    this.key = Objects.requireNonNull(key);
    this.name = name;
    this.kind = Objects.requireNonNull(kind);
    this.assessor = Objects.requireNonNull(assessor);
    this.lastSeen.set(now);
  }

  public StudentKey key() {
    return key;
  }

  public String name() {
    return name;
  }

  public SessionKind kind() {
    return kind;
  }

  /** Not thread-safe: only the frame queue's one-at-a-time processing of this student uses it. */
  public StudentAssessor assessor() {
    return assessor;
  }

  /**
   * This student's face tracker, made on first use. Like the assessor, used only by the frame
   * queue's one-at-a-time processing of this student.
   */
  public FaceTracker tracker(FaceAnalyzer analyzer) {
    if (tracker == null) {
      tracker = analyzer.newTracker();
    }
    return tracker;
  }

  /** Asks for a new calibration; the frame worker carries it out before the next frame. */
  public void requestRecalibration() {
    recalibrationRequested.set(true);
  }

  /** True once after each request. */
  public boolean takeRecalibrationRequest() {
    return recalibrationRequested.getAndSet(false);
  }

  void connected(long now) {
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
