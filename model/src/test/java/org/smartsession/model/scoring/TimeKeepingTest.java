package org.smartsession.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The clock of frames: timeline, sustained conditions and rolling means. */
class TimeKeepingTest {

  @Test
  void timelineSortsFramesIntoNextGapAndStale() {
    FrameTimeline timeline = new FrameTimeline(3_000, 60_000);

    assertEquals(FrameTimeline.Step.START, timeline.accept(10_000));
    assertEquals(FrameTimeline.Step.NEXT, timeline.accept(10_500));
    assertEquals(FrameTimeline.Step.STALE, timeline.accept(10_200));
    assertEquals(FrameTimeline.Step.STALE, timeline.accept(10_500));
    assertEquals(FrameTimeline.Step.NEXT, timeline.accept(13_500));
    assertEquals(FrameTimeline.Step.GAP, timeline.accept(33_500));
  }

  @Test
  void timelineStartsOverWhenTheClockIsSetFarBack() {
    FrameTimeline timeline = new FrameTimeline(3_000, 60_000);
    timeline.accept(1_000_000);

    assertEquals(FrameTimeline.Step.STALE, timeline.accept(950_000));
    assertEquals(FrameTimeline.Step.START, timeline.accept(100_000));
    assertEquals(FrameTimeline.Step.NEXT, timeline.accept(100_500));
  }

  @Test
  void sustainedConditionMeasuresFromFirstToLatestHoldingFrame() {
    SustainedCondition c = new SustainedCondition(1);
    c.update(1_000, true, false);
    c.update(2_000, true, false);
    c.update(3_000, true, false);

    assertTrue(c.active());
    assertEquals(2_000, c.durationMs());
    assertEquals(1, c.episode());
  }

  @Test
  void sustainedConditionForgivesOneMissButNotTwo() {
    SustainedCondition c = new SustainedCondition(1);
    c.update(0, true, false);
    c.update(500, false, false);
    c.update(1_000, true, false);

    assertEquals(1_000, c.durationMs());
    assertEquals(2.0 / 3, c.heldShare(), 1e-9);
    assertEquals(1, c.episode());

    c.update(1_500, false, false);
    c.update(2_000, false, false);
    assertFalse(c.active());
    c.update(2_500, true, false);
    assertEquals(2, c.episode());
    assertEquals(0, c.durationMs());
  }

  @Test
  void sustainedConditionEndsAtAPause() {
    SustainedCondition c = new SustainedCondition(1);
    c.update(0, true, false);
    c.update(1_000, true, false);
    c.update(21_000, true, true);

    assertEquals(0, c.durationMs());
    assertEquals(2, c.episode());
  }

  @Test
  void rollingMeanWeighsByTimeNotFrameCount() {
    RollingMean mean = new RollingMean(5_000, 3_000);
    mean.add(0, 0);
    mean.add(1_000, 0);
    // A burst of five frames in 200 ms weighs as much as 200 ms, not as five frames.
    double value = 0;
    for (long t = 1_040; t <= 1_200; t += 40) {
      value = mean.add(t, 1);
    }

    assertEquals(200.0 / (500 + 1_000 + 200), value, 1e-9);
  }

  @Test
  void rollingMeanForgetsOldValues() {
    RollingMean mean = new RollingMean(5_000, 3_000);
    mean.add(0, 1);
    mean.add(1_000, 1);

    assertEquals(0, mean.add(6_000, 0), 1e-9);
  }
}
