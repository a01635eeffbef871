package org.smartsession.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartsession.model.alerts.AlertType;

class IntegrityMonitorTest {
  private final IntegrityMonitor exam = new IntegrityMonitor(ScoringSettings.DEFAULTS, true);
  private final List<RaisedAlert> raised = new ArrayList<>();

  private void frame(long t, int faces) {
    raised.addAll(exam.update(new IntegritySignals(t, false, faces, false, false)));
  }

  private List<AlertType> types() {
    return raised.stream().map(RaisedAlert::type).toList();
  }

  @Test
  void twoFacesInTwoOfTheLastThreeFramesRaiseMultipleFaces() {
    frame(0, 1);
    frame(500, 2);
    assertTrue(raised.isEmpty());

    frame(1_000, 2);

    assertEquals(List.of(AlertType.MULTIPLE_FACES), types());
    RaisedAlert alert = raised.get(0);
    assertEquals(1_000, alert.timestamp());
    assertEquals(500, alert.durationMs());
    assertEquals(2.0 / 3, alert.confidence(), 1e-9);
    assertEquals("Two or more faces in view in 2 of the last 3 frames.", alert.reason());
  }

  @Test
  void twoFacesSpreadOverTwoOfThreeFramesAlsoCount() {
    frame(0, 2);
    frame(500, 1);
    frame(1_000, 2);

    assertEquals(List.of(AlertType.MULTIPLE_FACES), types());
  }

  @Test
  void oneSpuriousSecondFaceRaisesNothing() {
    for (int i = 0; i < 20; i++) {
      frame(i * 500L, i == 7 ? 2 : 1);
    }

    assertTrue(raised.isEmpty());
  }

  @Test
  void aSecondFaceThatStaysRaisesOnce() {
    for (int i = 0; i < 40; i++) {
      frame(i * 500L, 2);
    }

    assertEquals(List.of(AlertType.MULTIPLE_FACES), types());
    // Raised at the second frame, when 2 of the 3 voting frames have been seen.
    assertEquals(500, raised.get(0).timestamp());
    assertEquals(2.0 / 3, raised.get(0).confidence(), 1e-9);
  }

  @Test
  void noFaceForTenSecondsRaisesOnceWithItsDuration() {
    frame(0, 1);
    for (long t = 500; t <= 30_000; t += 500) {
      frame(t, 0);
    }

    assertEquals(List.of(AlertType.NO_FACE), types());
    RaisedAlert alert = raised.get(0);
    assertEquals(10_500, alert.timestamp());
    assertEquals(10_000, alert.durationMs());
    assertEquals(1.0, alert.confidence(), 1e-9);
    assertEquals("No face in view for 10 s.", alert.reason());
  }

  @Test
  void noFaceForNineSecondsRaisesNothing() {
    for (long t = 0; t <= 9_000; t += 500) {
      frame(t, 0);
    }
    frame(9_500, 1);
    frame(10_000, 1);

    assertTrue(raised.isEmpty());
  }

  @Test
  void oneMissedDetectionRaisesNothing() {
    for (int i = 0; i < 60; i++) {
      frame(i * 500L, i == 20 ? 0 : 1);
    }

    assertTrue(raised.isEmpty());
  }

  @Test
  void oneFalseDetectionDoesNotRestartTheNoFaceCount() {
    for (long t = 0; t <= 10_000; t += 500) {
      frame(t, t == 4_000 ? 1 : 0);
    }

    assertEquals(List.of(AlertType.NO_FACE), types());
    assertEquals(20.0 / 21, raised.get(0).confidence(), 1e-9);
  }

  @Test
  void aTwentySecondGapDoesNotCountAsTwentySecondsWithoutFace() {
    exam.update(new IntegritySignals(0, false, 0, false, false));
    exam.update(new IntegritySignals(500, false, 0, false, false));
    List<RaisedAlert> afterGap = exam.update(new IntegritySignals(20_500, true, 0, false, false));
    List<RaisedAlert> next = exam.update(new IntegritySignals(21_000, false, 0, false, false));

    assertTrue(afterGap.isEmpty());
    assertTrue(next.isEmpty());
  }

  @Test
  void sameTimingsAtOneAndFiveFramesPerSecond() {
    for (int fps : new int[] {1, 5}) {
      IntegrityMonitor monitor = new IntegrityMonitor(ScoringSettings.DEFAULTS, true);
      long firstAlertAt = -1;
      for (long t = 0; t <= 15_000 && firstAlertAt < 0; t += 1_000 / fps) {
        if (!monitor.update(new IntegritySignals(t, false, 0, false, false)).isEmpty()) {
          firstAlertAt = t;
        }
      }
      assertEquals(10_000, firstAlertAt, "at " + fps + " fps");
    }
  }

  @Test
  void aNoFaceEpisodeOutlastingTheCoolDownRaisesOnce() {
    for (long t = 0; t <= 180_000; t += 500) {
      frame(t, 0);
    }

    assertEquals(List.of(AlertType.NO_FACE), types());
  }

  @Test
  void coolDownKeepsARecurringConditionQuietForSixtySeconds() {
    // No face 0..10 s: alert. Back 10.5..20 s. No face again 20.5..35 s: within the cool-down.
    for (long t = 0; t <= 35_000; t += 500) {
      frame(t, t > 10_000 && t <= 20_000 ? 1 : 0);
    }
    assertEquals(1, raised.size());

    // Back, then gone from 70 s: the cool-down since 10 s is over.
    for (long t = 35_500; t <= 90_000; t += 500) {
      frame(t, t < 70_000 ? 1 : 0);
    }

    assertEquals(List.of(AlertType.NO_FACE, AlertType.NO_FACE), types());
    assertEquals(80_000, raised.get(1).timestamp());
  }

  @Test
  void lookingAwayForEightSecondsInAnExam() {
    for (long t = 0; t <= 12_000; t += 500) {
      raised.addAll(exam.update(new IntegritySignals(t, false, 1, false, t >= 2_000)));
    }

    assertEquals(List.of(AlertType.LOOKING_AWAY), types());
    assertEquals(10_000, raised.get(0).timestamp());
    assertEquals(8_000, raised.get(0).durationMs());
  }

  @Test
  void lookingAwayIsNotWatchedInClass() {
    IntegrityMonitor lesson = new IntegrityMonitor(ScoringSettings.DEFAULTS, false);
    for (long t = 0; t <= 30_000; t += 500) {
      raised.addAll(lesson.update(new IntegritySignals(t, false, 1, false, true)));
    }

    assertTrue(raised.isEmpty());
  }

  @Test
  void aCoveredCameraRaisesCameraBlockedNotNoFace() {
    for (long t = 0; t <= 30_000; t += 500) {
      raised.addAll(exam.update(new IntegritySignals(t, false, 0, true, false)));
    }

    assertEquals(List.of(AlertType.CAMERA_BLOCKED), types());
    assertEquals(3_000, raised.get(0).timestamp());
    assertEquals("Camera image dark or covered for 3 s.", raised.get(0).reason());
  }

  @Test
  void aClockResetStartsOver() {
    for (long t = 0; t <= 12_000; t += 500) {
      frame(t, 0);
    }
    exam.restart();
    for (long t = 0; t <= 12_000; t += 500) {
      frame(t, 0);
    }

    assertEquals(List.of(AlertType.NO_FACE, AlertType.NO_FACE), types());
  }
}
