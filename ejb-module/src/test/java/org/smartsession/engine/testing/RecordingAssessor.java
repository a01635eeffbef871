package org.smartsession.engine.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smartsession.model.scoring.Assessment;
import org.smartsession.model.scoring.FrameObservation;
import org.smartsession.model.scoring.StudentAssessor;
import org.smartsession.model.scoring.StudentFeedback;
import org.smartsession.model.session.StudentStatus;

/**
 * A student assessor that answers every frame with the assessment the test chose and logs what it
 * was asked, in order: {@code "assess <timestamp>"} and {@code "recalibrate"}.
 */
public final class RecordingAssessor implements StudentAssessor {
  public static final Assessment ENGAGED =
      new Assessment(
          StudentStatus.ENGAGED,
          0.2,
          0.8,
          Map.of("eyebrowFurrow", 0.1),
          StudentFeedback.ENGAGED,
          List.of());

  private final List<String> log = new ArrayList<>();
  private final List<FrameObservation> observed = new ArrayList<>();
  private Assessment next = ENGAGED;

  /** The assessment of every later frame. */
  public void answer(Assessment assessment) {
    next = assessment;
  }

  @Override
  public Assessment assess(FrameObservation frame) {
    log.add("assess " + frame.timestamp());
    observed.add(frame);
    return next;
  }

  @Override
  public void recalibrate() {
    log.add("recalibrate");
  }

  public List<String> log() {
    return List.copyOf(log);
  }

  public List<FrameObservation> observed() {
    return List.copyOf(observed);
  }
}
