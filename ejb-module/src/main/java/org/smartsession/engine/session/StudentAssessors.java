package org.smartsession.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import org.smartsession.model.scoring.Assessment;
import org.smartsession.model.scoring.FrameObservation;
import org.smartsession.model.scoring.StudentAssessor;
import org.smartsession.model.session.SessionKind;

/** Creates each student's assessor with the deployment's scoring settings. */
@ApplicationScoped
public class StudentAssessors {

  /**
   * Until scoring rules are configured, frames are reported as not analysable rather than given
   * made-up scores.
   */
  public StudentAssessor create(SessionKind kind) {
    return new StudentAssessor() {
      @Override
      public Assessment assess(FrameObservation frame) {
        return Assessment.unavailable();
      }

      @Override
      public void recalibrate() {}
    };
  }
}
