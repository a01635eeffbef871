package org.smartsession.engine.broadcast;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.smartsession.engine.cluster.Relayed;
import org.smartsession.engine.events.PaceReported;
import org.smartsession.model.protocol.SessionUpdate.ReducedAnalysis;
import org.smartsession.model.session.SessionKind;

/**
 * What the other servers of the deployment last reported of their pace, so that a teacher here
 * learns that the session's students on another server are asked for fewer frames. A report not
 * renewed within {@link #FRESH_MS} (the server stopped, or lost Redis) no longer counts.
 */
@ApplicationScoped
public class OtherServersPace {
  /** Reports come every second; three missed ones mean that server says nothing any more. */
  static final long FRESH_MS = 3_500;

  private record Received(PaceReported report, long at) {}

  @Inject Clock clock;

  private final Map<String, Received> latest = new ConcurrentHashMap<>();

  void onReport(@Observes @Relayed PaceReported report) {
    if (report.reduced()) {
      latest.put(report.reporter(), new Received(report, clock.millis()));
    } else {
      latest.remove(report.reporter());
    }
  }

  /** Whether some other server said lately that it reduces some students' rate. */
  public boolean anyReduced() {
    return !latest.isEmpty();
  }

  /**
   * The lowest rate another server asks of this session's students there, since the earliest of
   * those servers reduced it; null when none does.
   */
  public ReducedAnalysis reducedFor(String sessionId, SessionKind kind) {
    if (latest.isEmpty()) {
      return null;
    }
    long now = clock.millis();
    latest.values().removeIf(r -> now - r.at() > FRESH_MS);
    ReducedAnalysis slowest = null;
    for (Received r : latest.values()) {
      Double fps = r.report().fpsFor(kind);
      Long since = r.report().sinceFor(kind);
      if (fps != null && since != null && r.report().sessionIds().contains(sessionId)) {
        slowest = slowest(slowest, new ReducedAnalysis(fps, since));
      }
    }
    return slowest;
  }

  /** The lower rate, since the earlier of the two; either may be null. */
  static ReducedAnalysis slowest(ReducedAnalysis a, ReducedAnalysis b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return new ReducedAnalysis(Math.min(a.fps(), b.fps()), Math.min(a.since(), b.since()));
  }
}
