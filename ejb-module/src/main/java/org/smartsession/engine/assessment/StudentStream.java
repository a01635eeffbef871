package org.smartsession.engine.assessment;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.smartsession.engine.analysis.FaceAnalyzer;
import org.smartsession.engine.analysis.FaceTracker;
import org.smartsession.model.scoring.StudentAssessor;

/**
 * One student's face tracker and assessor. Not thread-safe but for the recalibration flag: only the
 * frame queue's one-at-a-time processing of this student uses the rest.
 */
final class StudentStream {
  private final StudentAssessor assessor;
  private final AtomicBoolean recalibrationRequested = new AtomicBoolean();
  private FaceTracker tracker;

  StudentStream(StudentAssessor assessor) {
    this.assessor = Objects.requireNonNull(assessor);
  }

  /** The assessor, recalibrated first if a teacher asked for it since the last frame. */
  StudentAssessor assessor() {
    if (recalibrationRequested.getAndSet(false)) {
      assessor.recalibrate();
    }
    return assessor;
  }

  /** This student's face tracker, made on first use. */
  FaceTracker tracker(FaceAnalyzer analyzer) {
    if (tracker == null) {
      tracker = analyzer.newTracker();
    }
    return tracker;
  }

  /** Asks for a new calibration; carried out before the next frame is assessed. */
  void requestRecalibration() {
    recalibrationRequested.set(true);
  }
}
