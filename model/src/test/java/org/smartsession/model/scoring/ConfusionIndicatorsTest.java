package org.smartsession.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four confusion indicators, each fed directly. */
class ConfusionIndicatorsTest {
  private final ScoringSettings settings = ScoringSettings.DEFAULTS;

  @ParameterizedTest
  @CsvSource({"25, 0", "26, 0", "21.5, 0.5", "18, 1", "12, 1"})
  void eyebrowFurrowRisesAsTheGapShrinksTo72PercentOfBaseline(double gapPx, double expected) {
    EyebrowFurrowIndicator furrow = new EyebrowFurrowIndicator(settings.furrow());

    assertEquals(expected, furrow.score(gapPx / 200, 25.0 / 200), 1e-9);
  }

  @Test
  void eyebrowFurrowIsRelativeToTheStudentsOwnBaseline() {
    EyebrowFurrowIndicator furrow = new EyebrowFurrowIndicator(settings.furrow());

    // Naturally close brows (20 px) are not a furrow; 72 % of them is.
    assertEquals(0, furrow.score(20.0 / 200, 20.0 / 200), 1e-9);
    assertEquals(1, furrow.score(14.4 / 200, 20.0 / 200), 1e-9);
  }

  @Test
  void fourGazeFlicksWithinFiveSecondsScoreFourFifths() {
    GazeShiftCounter gaze = new GazeShiftCounter(settings.gaze());
    double score = 0;
    for (int i = 0; i < 8; i++) {
      // Away at 0, 1000, 2000, 3000 ms; back at 500, 1500, ...
      score = gaze.update(i * 500L, i % 2 == 0 ? 0.2 : 0.0);
    }

    assertEquals(4, gaze.shiftsInWindow());
    assertEquals(0.8, score, 1e-9);
  }

  @Test
  void aSteadySidewaysLookIsOneShift() {
    GazeShiftCounter gaze = new GazeShiftCounter(settings.gaze());
    double score = 0;
    for (int i = 0; i < 8; i++) {
      score = gaze.update(i * 500L, 0.2);
    }

    assertEquals(0.2, score, 1e-9);
  }

  @Test
  void gazeHysteresisIgnoresJitterAroundTheThreshold() {
    GazeShiftCounter gaze = new GazeShiftCounter(settings.gaze());
    double[] offsets = {0.11, 0.09, 0.11, 0.08, 0.12};
    for (int i = 0; i < offsets.length; i++) {
      gaze.update(i * 200L, offsets[i]);
    }

    assertEquals(1, gaze.shiftsInWindow());
  }

  @Test
  void gazeShiftsAgeOutOfTheWindow() {
    GazeShiftCounter gaze = new GazeShiftCounter(settings.gaze());
    gaze.update(0, 0.2);
    gaze.update(500, 0);
    gaze.update(1000, 0.2);
    gaze.update(1500, 0);

    assertEquals(0.4, gaze.score(4_999), 1e-9);
    assertEquals(0.2, gaze.score(5_000), 1e-9);
    assertEquals(0, gaze.score(6_000), 1e-9);
  }

  @Test
  void headTurned20DegreesFor4SecondsCounts() {
    HeadTiltIndicator head = new HeadTiltIndicator(settings.headTilt(), 1);
    double score = 0;
    for (long t = 0; t <= 4_000; t += 500) {
      score = head.update(t, 20, false);
      if (t <= 3_000) {
        assertEquals(0, score, 1e-9, "not yet more than 3 s at " + t);
      }
    }

    assertEquals(20.0 / 30, score, 1e-9);
  }

  @Test
  void headTurned20DegreesFor2SecondsDoesNotCount() {
    HeadTiltIndicator head = new HeadTiltIndicator(settings.headTilt(), 1);
    double highest = 0;
    for (long t = 0; t <= 2_000; t += 500) {
      highest = Math.max(highest, head.update(t, 20, false));
    }
    for (long t = 2_500; t <= 6_000; t += 500) {
      highest = Math.max(highest, head.update(t, 0, false));
    }

    assertEquals(0, highest, 1e-9);
  }

  @Test
  void headTiltScoreSaturatesAt30Degrees() {
    HeadTiltIndicator head = new HeadTiltIndicator(settings.headTilt(), 1);
    double score = 0;
    for (long t = 0; t <= 4_000; t += 1_000) {
      score = head.update(t, 45, false);
    }

    assertEquals(1, score, 1e-9);
  }

  @Test
  void aPauseRestartsTheHeadTiltClock() {
    HeadTiltIndicator head = new HeadTiltIndicator(settings.headTilt(), 1);
    head.update(0, 20, false);
    head.update(1_000, 20, false);

    // 20 s without frames: the turn is not known to have lasted.
    assertEquals(0, head.update(21_000, 20, true), 1e-9);
    assertEquals(0, head.update(22_000, 20, false), 1e-9);
  }

  @Test
  void rapidMouthMovementScoresMicroExpressions() {
    MicroExpressionCounter micro = new MicroExpressionCounter(settings.microExpressions());
    double score = 0;
    for (int i = 0; i < 6; i++) {
      double mouth = i % 2 == 0 ? 10 : 40;
      score = micro.update(i * 250L, measure(SyntheticFace.neutral().mouthOpen(mouth)));
    }

    assertEquals(1, score, 1e-9);
  }

  @Test
  void oneQuickMouthMovementScoresAThird() {
    MicroExpressionCounter micro = new MicroExpressionCounter(settings.microExpressions());
    micro.update(0, measure(SyntheticFace.neutral()));
    micro.update(400, measure(SyntheticFace.neutral().mouthOpen(40)));

    assertEquals(1.0 / 3, micro.update(800, measure(SyntheticFace.neutral().mouthOpen(40))), 1e-9);
  }

  @Test
  void slowOrSmallMouthMovementIsNoMicroExpression() {
    MicroExpressionCounter micro = new MicroExpressionCounter(settings.microExpressions());
    double score = 0;
    for (int i = 0; i < 6; i++) {
      // At one frame per second even a large change is not "within 500 ms".
      score = micro.update(i * 1_000L, measure(SyntheticFace.neutral().mouthOpen(i % 2 * 30 + 10)));
    }
    assertEquals(0, score, 1e-9);

    MicroExpressionCounter speaking = new MicroExpressionCounter(settings.microExpressions());
    for (int i = 0; i < 6; i++) {
      // 8 px of lip movement is 4 % of face width at most.
      score = speaking.update(i * 250L, measure(SyntheticFace.neutral().mouthOpen(i % 2 * 8 + 10)));
    }
    assertEquals(0, score, 1e-9);
  }

  @Test
  void sittingCloserIsNoMicroExpression() {
    MicroExpressionCounter micro = new MicroExpressionCounter(settings.microExpressions());
    micro.update(0, measure(SyntheticFace.neutral()));

    assertEquals(0, micro.update(250, measure(SyntheticFace.neutral().scale(1.4))), 1e-9);
  }

  private static FaceMeasurements measure(SyntheticFace face) {
    return FaceMeasurements.of(face.face());
  }
}
