package org.smartsession.model.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.smartsession.model.session.StudentStatus.CONFUSED;
import static org.smartsession.model.session.StudentStatus.DISENGAGED;
import static org.smartsession.model.session.StudentStatus.ENGAGED;
import static org.smartsession.model.session.StudentStatus.JOINED;
import static org.smartsession.model.session.StudentStatus.PRESENT;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartsession.model.session.HistoryPoint;
import org.smartsession.model.session.StudentStatus;

class TimeSharesTest {
  private static final double EPS = 1e-9;

  private static HistoryPoint at(long t, StudentStatus status) {
    return new HistoryPoint(t, null, null, status);
  }

  @Test
  void eachPointStandsForTheTimeUntilTheNextAndTheLastForOneInterval() {
    // 0-4 s engaged, 4-6 s confused, 6-9 s no face, 9-10 s present (the last point: one second).
    TimeShares shares =
        TimeShares.of(
            List.of(at(0, ENGAGED), at(4_000, CONFUSED), at(6_000, DISENGAGED), at(9_000, PRESENT)),
            15_000,
            1_000);

    assertEquals(10_000, shares.observedMs());
    assertEquals(0.4, shares.engaged(), EPS);
    assertEquals(0.2, shares.confused(), EPS);
    assertEquals(0.7, shares.present(), EPS);
    assertEquals(0.3, shares.away(), EPS);
  }

  @Test
  void aGapLongerThanTheIdleTimeIsAwayAfterTheIdleTime() {
    // Engaged at 0, then no frames for 60 s: 15 s count as engaged, 45 s as away.
    TimeShares shares = TimeShares.of(List.of(at(0, ENGAGED), at(60_000, ENGAGED)), 15_000, 1_000);

    assertEquals(61_000, shares.observedMs());
    assertEquals(16_000 / 61_000.0, shares.engaged(), EPS);
    assertEquals(45_000 / 61_000.0, shares.away(), EPS);
  }

  @Test
  void timeNotYetAnalysedIsObservedButInNoShare() {
    TimeShares shares = TimeShares.of(List.of(at(0, JOINED), at(1_000, ENGAGED)), 15_000, 1_000);

    assertEquals(2_000, shares.observedMs());
    assertEquals(0.5, shares.present(), EPS);
    assertEquals(0.0, shares.away(), EPS);
  }

  @Test
  void noHistoryIsNoShares() {
    assertSame(TimeShares.NONE, TimeShares.of(List.of(), 15_000, 1_000));
  }
}
