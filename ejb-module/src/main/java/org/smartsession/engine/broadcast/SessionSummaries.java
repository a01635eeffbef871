package org.smartsession.engine.broadcast;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import org.smartsession.engine.assessment.StudentStreams;
import org.smartsession.engine.config.SummarySettings;
import org.smartsession.engine.pipeline.AnalysisPace;
import org.smartsession.model.protocol.SessionUpdate;
import org.smartsession.model.scoring.ScoringSettings;
import org.smartsession.model.session.SessionAggregate;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentState;

/** Builds a session's SESSION_UPDATE from the stored student states, as they are now. */
@ApplicationScoped
public class SessionSummaries {

  @Inject SessionStore store;
  @Inject SummarySettings settings;
  @Inject ScoringSettings scoring;
  @Inject AnalysisPace pace;
  @Inject OtherServersPace otherServers;
  @Inject StudentStreams streams;

  public SessionUpdate summarise(String sessionId, long now) {
    List<StudentState> states =
        store.studentStates(sessionId).stream()
            .map(s -> s.asSeenAt(now, settings.idleAfterMs()))
            .sorted(Comparator.comparing(StudentState::studentId))
            .toList();
    SessionAggregate aggregate = SessionAggregate.of(states);
    return new SessionUpdate(
        sessionId,
        now,
        scoring.affectInference(),
        new SessionUpdate.Aggregate(
            aggregate.totalStudents(),
            aggregate.activeStudents(),
            aggregate.avgConfusion(),
            aggregate.confusedCount(),
            aggregate.disengagedCount()),
        states.stream().map(SessionSummaries::line).toList(),
        reducedAnalysis(sessionId));
  }

  /**
   * Whether the session's students are asked for fewer frames, by this server for those it analyses
   * or by another for those there (the lowest rate, since the earliest); read only while some
   * server does.
   */
  private SessionUpdate.ReducedAnalysis reducedAnalysis(String sessionId) {
    if (pace.reducedSince(SessionKind.EXAM) == null
        && pace.reducedSince(SessionKind.CLASS) == null
        && !otherServers.anyReduced()) {
      return null;
    }
    SessionKind kind = store.findSession(sessionId).map(SessionInfo::kind).orElse(null);
    if (kind == null) {
      return null;
    }
    Long since = pace.reducedSince(kind);
    Double fps = pace.fpsFor(kind);
    SessionUpdate.ReducedAnalysis here =
        since == null || fps == null || !streams.analyses(sessionId)
            ? null
            : new SessionUpdate.ReducedAnalysis(fps, since);
    return OtherServersPace.slowest(here, otherServers.reducedFor(sessionId, kind));
  }

  private static SessionUpdate.StudentSummary line(StudentState s) {
    return new SessionUpdate.StudentSummary(
        s.studentId(),
        s.name(),
        s.confusion(),
        s.engagement(),
        s.status().name(),
        s.lastFrameAt() == 0 ? null : s.updatedAt(),
        s.faces(),
        s.indicators().isEmpty() ? null : s.indicators());
  }
}
