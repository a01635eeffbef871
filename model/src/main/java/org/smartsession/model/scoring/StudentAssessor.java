package org.smartsession.model.scoring;

import java.util.Objects;
import org.smartsession.model.session.SessionKind;

/**
 * Judges one student's frames in order, keeping whatever history its rules need (calibration,
 * rolling windows, alert cool-downs). One instance per student; not thread-safe: the engine feeds
 * each student's frames one at a time.
 */
public interface StudentAssessor {

  /**
   * A new assessor for one student of a session of this kind, following the customer's rules (see
   * {@code model/SCORING.md}). LOOKING_AWAY is raised only in {@link SessionKind#EXAM} sessions;
   * everything else follows {@code settings}.
   */
  static StudentAssessor create(ScoringSettings settings, SessionKind kind) {
    Objects.requireNonNull(kind, "kind");
    return new LandmarkStudentAssessor(settings, kind == SessionKind.EXAM);
  }

  Assessment assess(FrameObservation frame);

  /** Forgets the calibration so the next frontal frames set a new neutral. */
  void recalibrate();
}
