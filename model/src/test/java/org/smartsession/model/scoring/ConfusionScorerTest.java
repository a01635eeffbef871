package org.smartsession.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfusionScorerTest {
  private final ConfusionScorer scorer = new ConfusionScorer(ScoringSettings.DEFAULTS);

  @Test
  void rawConfusionIsTheCustomersWeightedSum() {
    ConfusionScorer.Reading r = scorer.update(0, 1, 0.5, 0.25, 1, false);

    assertEquals(0.3 + 0.2 + 0.05 + 0.1, r.raw(), 1e-9);
    assertEquals(r.raw(), r.smoothed(), 1e-9, "a single frame smooths to itself");
  }

  @Test
  void oneSpikeIsSmoothedAwayWithinTheWindow() {
    for (long t = 0; t < 4_000; t += 500) {
      scorer.update(t, 0, 0, 0, 0, false);
    }
    ConfusionScorer.Reading spike = scorer.update(4_000, 1, 1, 1, 1, false);

    assertEquals(1, spike.raw(), 1e-9);
    // The window holds the 9 frames 0..4000, each weighing 500 ms.
    assertEquals(1.0 / 9, spike.smoothed(), 1e-9);
    assertFalse(spike.confused());
  }

  @Test
  void confusedOnlyFromTheThirdConsecutiveFrameAboveThreshold() {
    boolean[] confused = new boolean[5];
    for (int i = 0; i < 5; i++) {
      confused[i] = scorer.update(i * 500L, 1, 1, 0, 0, false).confused();
    }

    assertFalse(confused[0]);
    assertFalse(confused[1]);
    assertTrue(confused[2]);
    assertTrue(confused[3]);
    assertTrue(confused[4]);
  }

  @Test
  void aFrameAtOrBelowThresholdRestartsTheCount() {
    scorer.update(0, 1, 1, 0, 0, false);
    scorer.update(500, 1, 1, 0, 0, false);
    scorer.breakStreak();

    assertFalse(scorer.update(1_000, 1, 1, 0, 0, false).confused());
    assertFalse(scorer.update(1_500, 1, 1, 0, 0, false).confused());
    assertTrue(scorer.update(2_000, 1, 1, 0, 0, false).confused());
  }

  @Test
  void smoothedConfusionMustCrossThresholdNotJustTheRawValue() {
    for (long t = 0; t < 4_500; t += 500) {
      scorer.update(t, 0, 0, 0, 0, false);
    }
    boolean ever = false;
    // Raw 0.7 for three frames is not enough after a calm stretch: the mean stays below 0.6.
    for (long t = 4_500; t < 6_000; t += 500) {
      ever |= scorer.update(t, 1, 1, 0, 0, false).confused();
    }

    assertFalse(ever);
  }

  @Test
  void aPauseStartsSmoothingAndStreakOver() {
    scorer.update(0, 1, 1, 0, 0, false);
    scorer.update(500, 1, 1, 0, 0, false);

    ConfusionScorer.Reading afterPause = scorer.update(30_000, 0, 0, 0, 0, true);

    assertEquals(0, afterPause.smoothed(), 1e-9);
    assertFalse(scorer.update(30_500, 1, 1, 0, 0, false).confused());
  }
}
