package org.smartsession.model.scoring;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.session.SessionKind;

/**
 * One student's assessor driven by a test: feeds frames, keeps every alert raised, and checks that
 * every assessment is sane (scores and indicators finite and within 0..1).
 */
final class Student {
  final LandmarkStudentAssessor assessor;
  final List<RaisedAlert> alerts = new ArrayList<>();
  Assessment last;

  Student(ScoringSettings settings, SessionKind kind) {
    this.assessor = (LandmarkStudentAssessor) StudentAssessor.create(settings, kind);
  }

  static Student inClass() {
    return new Student(ScoringSettings.DEFAULTS, SessionKind.CLASS);
  }

  static Student inExam() {
    return new Student(ScoringSettings.DEFAULTS, SessionKind.EXAM);
  }

  Assessment see(FrameObservation frame) {
    last = assessor.assess(frame);
    checkSane(last);
    alerts.addAll(last.alerts());
    return last;
  }

  /** Frames every {@code stepMs} from {@code from} to {@code to} inclusive; returns the last. */
  Assessment see(long from, long to, long stepMs, LongFunction<FrameObservation> frameAt) {
    for (long t = from; t <= to; t += stepMs) {
      see(frameAt.apply(t));
    }
    return last;
  }

  /** Three seconds of a neutral face at 2 frames per second, from {@code from}. */
  Student calibrated(long from) {
    see(from, from + 3_000, 500, SyntheticFace::neutralFrame);
    assertTrue(assessor.isCalibrated(), "calibrated after 3 s of neutral frames");
    return this;
  }

  List<AlertType> alertTypes() {
    return alerts.stream().map(RaisedAlert::type).toList();
  }

  static void checkSane(Assessment a) {
    assertNotNull(a.status());
    assertNotNull(a.feedback());
    assertTrue(a.confusion() == null || inUnitRange(a.confusion()), "confusion " + a.confusion());
    assertTrue(
        a.engagement() == null || inUnitRange(a.engagement()), "engagement " + a.engagement());
    a.indicators().forEach((k, v) -> assertTrue(inUnitRange(v), k + " " + v));
    a.alerts().forEach(r -> assertTrue(inUnitRange(r.confidence()), "confidence"));
  }

  private static boolean inUnitRange(double v) {
    return v >= 0 && v <= 1;
  }
}
