package org.smartsession.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionAggregateTest {

  private static StudentState s(String id, StudentStatus status, Double confusion) {
    return new StudentState("S", id, id, status, confusion, null, Map.of(), 1, 1, 1);
  }

  @Test
  void countsAndAveragesOverActiveStudentsOnly() {
    SessionAggregate a =
        SessionAggregate.of(
            List.of(
                s("a", StudentStatus.CONFUSED, 0.8),
                s("b", StudentStatus.ENGAGED, 0.2),
                s("c", StudentStatus.DISENGAGED, 0.9),
                s("d", StudentStatus.IDLE, 0.9),
                s("e", StudentStatus.JOINED, null)));
    assertEquals(5, a.totalStudents());
    assertEquals(2, a.activeStudents());
    assertEquals(0.5, a.avgConfusion(), 1e-9);
    assertEquals(1, a.confusedCount());
    assertEquals(1, a.disengagedCount());
  }

  @Test
  void hasNoAverageWhenNobodyActiveHasAScore() {
    SessionAggregate a =
        SessionAggregate.of(
            List.of(
                s("a", StudentStatus.PRESENT, null),
                s("b", StudentStatus.ANALYSIS_UNAVAILABLE, null)));
    assertEquals(1, a.activeStudents());
    assertNull(a.avgConfusion());
  }

  @Test
  void aStudentWithoutFramesForTooLongIsIdle() {
    StudentState engaged =
        new StudentState("S", "a", "a", StudentStatus.ENGAGED, 0.1, 0.9, Map.of(), 1, 5, 1000);
    assertEquals(StudentStatus.ENGAGED, engaged.asSeenAt(11_000, 10_000).status());
    assertEquals(StudentStatus.IDLE, engaged.asSeenAt(11_001, 10_000).status());
  }
}
