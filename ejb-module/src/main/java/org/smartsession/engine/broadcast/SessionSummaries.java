package org.smartsession.engine.broadcast;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
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

  /** Whether this server asks the session's students for fewer frames, read only while it does. */
  private SessionUpdate.ReducedAnalysis reducedAnalysis(String sessionId) {
    if (pace.reducedSince(SessionKind.EXAM) == null
        && pace.reducedSince(SessionKind.CLASS) == null) {
      return null;
    }
    SessionKind kind = store.findSession(sessionId).map(SessionInfo::kind).orElse(null);
    Long since = kind == null ? null : pace.reducedSince(kind);
    Double fps = kind == null ? null : pace.fpsFor(kind);
    return since == null || fps == null ? null : new SessionUpdate.ReducedAnalysis(fps, since);
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
