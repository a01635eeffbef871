package org.smartsession.model.scoring;

/**
 * Judges one student's frames in order, keeping whatever history its rules need (calibration,
 * rolling windows, alert cool-downs). One instance per student; not thread-safe: the engine feeds
 * each student's frames one at a time.
 */
public interface StudentAssessor {

  Assessment assess(FrameObservation frame);

  /** Forgets the calibration so the next frontal frames set a new neutral. */
  void recalibrate();
}
