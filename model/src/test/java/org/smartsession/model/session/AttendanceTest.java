package org.smartsession.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartsession.model.session.Attendance.Presence;

class AttendanceTest {
  private static final long OPENED = 1_000_000;
  private static final long FIVE_MINUTES = 300_000;
  private final SessionInfo session =
      new SessionInfo("S", "Algebra", SessionKind.EXAM, "ada", OPENED);

  private static StudentState state(String id, StudentStatus status, long updatedAt) {
    return new StudentState(
        "S", id, "Joined as " + id, status, null, null, Map.of(), 1, 0, updatedAt);
  }

  @Test
  void theRosterSaysWhoNeverCameWhoLeftAndWhoCameLateAndStrangersAreListedToo() {
    Roster roster =
        new Roster(
            List.of(
                new RosterEntry("ken", "Ken Thompson"),
                new RosterEntry("radia", "Radia Perlman"),
                new RosterEntry("barbara", "Barbara Liskov")),
            true);
    List<StudentState> states =
        List.of(
            state("radia", StudentStatus.ENGAGED, OPENED + 60_000),
            state("barbara", StudentStatus.IDLE, OPENED + 90_000),
            state("mallory", StudentStatus.PRESENT, OPENED + 1_000));
    Map<String, Long> joins =
        Map.of("radia", OPENED + 10_000, "barbara", OPENED + FIVE_MINUTES + 1, "mallory", OPENED);

    List<Attendance> all = Attendance.of(session, roster, states, joins, FIVE_MINUTES);

    assertEquals(
        List.of("barbara", "mallory", "ken", "radia"),
        all.stream().map(Attendance::studentId).toList(),
        "by name: Barbara, Joined as mallory, Ken, Radia");
    Attendance barbara = all.get(0);
    assertEquals(Presence.LEFT, barbara.presence());
    assertEquals(OPENED + 90_000, barbara.leftAt());
    assertTrue(barbara.late());
    Attendance mallory = all.get(1);
    assertFalse(mallory.onRoster());
    assertEquals(Presence.HERE, mallory.presence());
    Attendance ken = all.get(2);
    assertEquals(Presence.NOT_JOINED, ken.presence());
    assertNull(ken.joinedAt());
    Attendance radia = all.get(3);
    assertEquals(Presence.HERE, radia.presence());
    assertFalse(radia.late());
    assertEquals("Radia Perlman", radia.name(), "the roster's name");
  }

  @Test
  void aScheduledSessionCountsLatenessFromItsOpening() {
    SessionInfo scheduled =
        new SessionInfo("S", "Algebra", SessionKind.EXAM, "ada", 0, false, OPENED, null);
    List<Attendance> all =
        Attendance.of(
            scheduled,
            null,
            List.of(state("radia", StudentStatus.ENGAGED, OPENED)),
            Map.of("radia", OPENED + 60_000),
            FIVE_MINUTES);
    assertFalse(all.get(0).late());
  }

  @Test
  void aRosterAdmitsOnlyItsStudentsUnlessOthersAreAllowed() {
    Roster closed = new Roster(List.of(new RosterEntry("radia", null)), false);
    assertTrue(closed.admits("radia"));
    assertFalse(closed.admits("mallory"));
    assertTrue(new Roster(closed.students(), true).admits("mallory"));
    assertEquals("radia", closed.students().get(0).name(), "no name: the id");
    assertTrue(closed.without("radia").students().isEmpty());
  }
}
