package org.smartsession.engine.pipeline;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.smartsession.engine.assessment.StudentStreams;
import org.smartsession.engine.events.AnalysisPaceChanged;
import org.smartsession.engine.events.PaceReported;
import org.smartsession.model.session.SessionKind;

/**
 * This server's {@link AnalysisPacer}, fed every second with the frame queue's counts; announces
 * each change of pace, which the students' connections pass on as {@code RATE}. Each server paces
 * the students connected to it, and reports its pace every second while it is reduced (and once
 * when it stops), so that teachers on the other servers see it too.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AnalysisPace {
  private static final Logger LOG = Logger.getLogger(AnalysisPace.class.getName());

  @Inject FramePipeline pipeline;
  @Inject Clock clock;
  @Inject Event<AnalysisPaceChanged> changed;
  @Inject Event<PaceReported> reported;
  @Inject StudentStreams streams;

  private final AnalysisPacer pacer = new AnalysisPacer();
  private final String reporter = UUID.randomUUID().toString();
  private boolean reportedReduced;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void tick() {
    long dropped =
        pipeline.droppedCount(FrameQueue.DropReason.REPLACED)
            + pipeline.droppedCount(FrameQueue.DropReason.STALE);
    if (pacer.tick(
        clock.millis(),
        pipeline.offeredCount(),
        dropped,
        pipeline.busyNanos(),
        pipeline.workers())) {
      AnalysisPaceChanged now =
          new AnalysisPaceChanged(fpsFor(SessionKind.EXAM), fpsFor(SessionKind.CLASS));
      LOG.info(
          "Frames asked of students: exams "
              + describe(now.examFps())
              + ", lectures "
              + describe(now.lectureFps()));
      changed.fire(now);
    }
    report();
  }

  private void report() {
    Long examSince = reducedSince(SessionKind.EXAM);
    Long lectureSince = reducedSince(SessionKind.CLASS);
    boolean reduced = examSince != null || lectureSince != null;
    if (reduced || reportedReduced) {
      reported.fire(
          new PaceReported(
              reporter,
              fpsFor(SessionKind.EXAM),
              examSince,
              fpsFor(SessionKind.CLASS),
              lectureSince,
              reduced ? streams.sessionIds() : Set.of()));
    }
    reportedReduced = reduced;
  }

  private static String describe(Double fps) {
    return fps == null ? "as the page sends" : "at most " + fps + " a second";
  }

  /** The frames a second asked of this kind of session's students; null when not limited. */
  public Double fpsFor(SessionKind kind) {
    return pacer.fpsFor(kind);
  }

  /** Since when this kind of session's students are asked for fewer frames; null when not. */
  public Long reducedSince(SessionKind kind) {
    return pacer.reducedSince(kind);
  }
}
