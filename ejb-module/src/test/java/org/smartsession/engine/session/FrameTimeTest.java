package org.smartsession.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.StudentKey;

/**
 * A student's frame times on the server's clock: the client's capture times are kept, within the
 * tolerance of their arrival and of the student's latest frame; outside it they are brought to the
 * nearest bound, so that the clock pacing alert rules can neither be rewound nor run ahead.
 */
class FrameTimeTest {
  private static final long TOLERANCE = 10_000;
  private static final long NOW = 1_800_000_000_000L;

  private final ConnectedStudent student =
      new ConnectedStudent(new StudentKey("S-1", "ADA"), "Ada", SessionKind.EXAM, NOW);

  @Test
  void aClockWithinTheToleranceIsTrusted() {
    assertEquals(NOW - 9_000, student.frameTime(NOW - 9_000, NOW, TOLERANCE));
    assertEquals(NOW - 8_400, student.frameTime(NOW - 8_400, NOW + 600, TOLERANCE));
    assertEquals(NOW + 11_000, student.frameTime(NOW + 11_000, NOW + 1_000, TOLERANCE));
  }

  @Test
  void aClockFarBehindOrAheadIsBroughtToTheNearestBound() {
    assertEquals(NOW - TOLERANCE, student.frameTime(1L, NOW, TOLERANCE));
    assertEquals(NOW + 500 - TOLERANCE, student.frameTime(2L, NOW + 500, TOLERANCE));
    assertEquals(
        NOW + 1_000 + TOLERANCE, student.frameTime(NOW + 3_600_000, NOW + 1_000, TOLERANCE));
  }

  @Test
  void aStudentWithAWrongClockStillGetsTimesThatMoveOn() {
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < 20; i++) {
      long received = NOW + i * 500L;
      long time = student.frameTime(1_000L + i * 500L, received, TOLERANCE);
      assertEquals(received - TOLERANCE, time);
      assertEquals(500, previous == Long.MIN_VALUE ? 500 : time - previous);
      previous = time;
    }
  }

  @Test
  void aRewoundClockNeverGoesBackMoreThanTheToleranceFromTheLatestFrame() {
    assertEquals(NOW + 9_000, student.frameTime(NOW + 9_000, NOW, TOLERANCE));
    // Two minutes back, received a second later: no further back than the latest frame allows.
    assertEquals(NOW - 1_000, student.frameTime(NOW - 120_000, NOW + 1_000, TOLERANCE));
    // Within the tolerance of both, a frame back in time keeps its time (the assessor ignores it).
    assertEquals(NOW + 2_000, student.frameTime(NOW + 2_000, NOW + 1_500, TOLERANCE));
    // The latest frame is still the one at NOW + 9 s.
    assertEquals(NOW - 1_000, student.frameTime(NOW - 60_000, NOW + 2_000, TOLERANCE));
  }

  @Test
  void noToleranceMeansTheServersOwnTime() {
    assertEquals(NOW, student.frameTime(NOW - 5_000, NOW, 0));
    assertEquals(NOW + 400, student.frameTime(NOW + 5_000, NOW + 400, 0));
  }
}
