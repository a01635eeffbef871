package org.smartsession.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.engine.events.DataDeleted;
import org.smartsession.engine.store.InMemorySessionStore;
import org.smartsession.engine.testing.RecordingEvent;
import org.smartsession.engine.testing.TestClock;
import org.smartsession.model.session.AuditEntry;
import org.smartsession.model.session.Roster;
import org.smartsession.model.session.RosterEntry;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.Teacher;

/** Who may delete a session's or a student's data, what is recorded, and what is announced. */
class DataDeletionTest {
  private static final Teacher ADA = new Teacher("ada", "Ada", null, false);
  private static final Teacher GRACE = new Teacher("grace", "Grace", null, false);
  private static final Teacher ROOT = new Teacher("root", "Root", null, true);

  private final TestClock clock = new TestClock();
  private final InMemorySessionStore store =
      new InMemorySessionStore(new StoreLimits(Duration.ofDays(1), 1000, 10), clock);
  private final RecordingEvent<DataDeleted> deleted = new RecordingEvent<>();
  private final DataDeletion deletion = new DataDeletion();

  @BeforeEach
  void wire() {
    SessionService sessions = new SessionService();
    sessions.store = store;
    deletion.sessions = sessions;
    deletion.store = store;
    deletion.audit = new AuditLog(store, clock);
    deletion.deleted = deleted;
    store.createSession(new SessionInfo("S-1", "Algebra", SessionKind.EXAM, "ada", 0));
    store.addTeacher("S-1", "ada");
    store.addTeacher("S-1", "grace");
    store.addStudent("S-1", "mallory", "Mallory");
  }

  @Test
  void onlyTheOwnerOrAnAdminDeletesAndACoTeacherMayNot() {
    assertThrows(
        NotPermittedException.class, () -> deletion.deleteStudent("S-1", "mallory", GRACE));
    assertThrows(NotPermittedException.class, () -> deletion.deleteSession("S-1", GRACE));
    assertTrue(store.studentState("S-1", "mallory").isPresent());
    assertTrue(deleted.fired().isEmpty());
  }

  @Test
  void anErasureIsAuditedWithoutNamingTheStudentAndAnnounced() throws Exception {
    deletion.deleteStudent("S-1", "mallory", ADA);

    assertTrue(store.studentState("S-1", "mallory").isEmpty());
    List<AuditEntry> audit = store.audit("S-1");
    assertEquals(List.of("STUDENT_DATA_DELETED"), audit.stream().map(AuditEntry::action).toList());
    assertFalse(audit.toString().contains("mallory") || audit.toString().contains("Mallory"));
    assertEquals(new DataDeleted("S-1", "mallory"), deleted.single());
    assertThrows(
        UnknownSessionException.class, () -> deletion.deleteStudent("S-1", "mallory", ADA));
  }

  @Test
  void aStudentOnlyOnTheRosterIsErasedFromIt() throws Exception {
    store.saveRoster(
        "S-1",
        new Roster(List.of(new RosterEntry("ken", "Ken"), new RosterEntry("ada", "Ada")), true));

    deletion.deleteStudent("S-1", "ken", ADA);

    assertEquals(
        List.of("ada"),
        store.roster("S-1").orElseThrow().students().stream().map(RosterEntry::studentId).toList());
    assertThrows(UnknownSessionException.class, () -> deletion.deleteStudent("S-1", "ken", ADA));
  }

  @Test
  void anAdminDeletesAWholeSession() throws Exception {
    deletion.deleteSession("S-1", ROOT);
    assertTrue(store.findSession("S-1").isEmpty());
    assertTrue(deleted.single().wholeSession());
    assertThrows(UnknownSessionException.class, () -> deletion.deleteSession("S-1", ROOT));
  }
}
