package org.smartsession.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SessionInfoTest {
  private final SessionInfo open = new SessionInfo("S-1", "Algebra", SessionKind.EXAM, "ada", 1000);
  private final SessionInfo scheduled =
      new SessionInfo("S-1", "Algebra", SessionKind.EXAM, "ada", 1000, false, 5000L, null);

  @Test
  void anUnscheduledSessionIsOpenFromItsCreation() {
    assertEquals(SessionPhase.OPEN, open.phaseAt(1000));
  }

  @Test
  void aScheduledSessionOpensAtItsTime() {
    assertEquals(SessionPhase.SCHEDULED, scheduled.phaseAt(4999));
    assertEquals(SessionPhase.OPEN, scheduled.phaseAt(5000));
  }

  @Test
  void startingEarlyOpensItThen() {
    SessionInfo started = scheduled.openedAt(2000);
    assertEquals(2000L, started.opensAt());
    assertEquals(SessionPhase.OPEN, started.phaseAt(2000));
    assertSame(open, open.openedAt(2000));
  }

  @Test
  void theFirstEndStays() {
    SessionInfo ended = open.endedAt(3000);
    assertEquals(SessionPhase.ENDED, ended.phaseAt(3000));
    assertEquals(3000L, ended.endedAt(9000).endedAt());
    assertEquals(SessionPhase.ENDED, scheduled.endedAt(3000).phaseAt(3000));
  }

  @Test
  void mergingKeepsAnEndAndTheEarliestOpening() {
    SessionInfo ended = scheduled.endedAt(7000);
    assertEquals(7000L, scheduled.mergedWith(ended).endedAt());
    assertEquals(7000L, ended.mergedWith(scheduled).endedAt());
    assertEquals(2000L, scheduled.mergedWith(scheduled.openedAt(2000)).opensAt());
    assertNull(scheduled.mergedWith(open).opensAt());
  }
}
