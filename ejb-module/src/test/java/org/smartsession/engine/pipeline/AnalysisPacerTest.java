package org.smartsession.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartsession.model.session.SessionKind.CLASS;
import static org.smartsession.model.session.SessionKind.EXAM;

import org.junit.jupiter.api.Test;

/** The pace asked of students' pages, from seconds of frame-queue counts the test makes up. */
class AnalysisPacerTest {
  private static final int WORKERS = 2;

  private final AnalysisPacer pacer = new AnalysisPacer();
  private long now = 1_000_000;
  private long offered;
  private long dropped;
  private long busyNanos;

  /** One second in which {@code frames} were offered, {@code lost} dropped, workers this busy. */
  private boolean second(int frames, int lost, double busy) {
    now += 1_000;
    offered += frames;
    dropped += lost;
    busyNanos += (long) (busy * WORKERS * 1e9);
    return pacer.tick(now, offered, dropped, busyNanos, WORKERS);
  }

  @Test
  void aServerThatKeepsUpAsksForNothing() {
    second(0, 0, 0);
    for (int i = 0; i < 60; i++) {
      assertFalse(second(200, 2, 0.9), "1 % dropped is within the margin");
    }
    assertNull(pacer.fpsFor(EXAM));
    assertNull(pacer.fpsFor(CLASS));
  }

  @Test
  void overloadSlowsExamsFirstThenLecturesOneStepAtATime() {
    second(0, 0, 0);
    assertFalse(second(400, 200, 1.0), "one bad second is not yet overload");
    assertTrue(second(400, 200, 1.0));
    long examsSince = now;
    assertEquals(1.0, pacer.fpsFor(EXAM));
    assertNull(pacer.fpsFor(CLASS));
    assertEquals(examsSince, pacer.reducedSince(EXAM));
    assertNull(pacer.reducedSince(CLASS));

    // The pages get 3 s to follow before the next step.
    assertFalse(second(300, 100, 1.0));
    assertFalse(second(300, 100, 1.0));
    assertTrue(second(300, 100, 1.0));
    assertEquals(1.0, pacer.fpsFor(CLASS));
    second(250, 50, 1.0);
    second(250, 50, 1.0);
    assertTrue(second(250, 50, 1.0));
    assertEquals(0.5, pacer.fpsFor(EXAM));
    assertEquals(examsSince, pacer.reducedSince(EXAM), "reduced since the first step");
    for (int i = 0; i < 10; i++) {
      second(250, 50, 1.0);
    }
    assertEquals(0.5, pacer.fpsFor(EXAM));
    assertEquals(0.5, pacer.fpsFor(CLASS), "the lowest step holds");
  }

  @Test
  void roomForTenSecondsRaisesTheRateAgainStepByStep() {
    second(0, 0, 0);
    second(400, 200, 1.0);
    second(400, 200, 1.0);
    for (int i = 0; i < 3; i++) {
      second(300, 100, 1.0);
    }
    assertEquals(1.0, pacer.fpsFor(CLASS));
    // Busy but dropping nothing: held where it is.
    for (int i = 0; i < 30; i++) {
      assertFalse(second(200, 0, 0.8));
    }
    for (int i = 0; i < 9; i++) {
      assertFalse(second(100, 0, 0.3));
    }
    assertTrue(second(100, 0, 0.3));
    assertNull(pacer.fpsFor(CLASS));
    assertEquals(1.0, pacer.fpsFor(EXAM));
    for (int i = 0; i < 10; i++) {
      second(100, 0, 0.3);
    }
    assertNull(pacer.fpsFor(EXAM));
    assertNull(pacer.reducedSince(EXAM));
  }

  @Test
  void anIdleServerIsNotOverloadedByAFewDrops() {
    second(0, 0, 0);
    for (int i = 0; i < 10; i++) {
      assertFalse(second(4, 4, 0.1), "under 5 frames a second tells nothing");
    }
  }
}
