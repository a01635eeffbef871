package org.smartsession.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.testing.TestClock;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertCounts;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.protocol.AlertAcknowledged.Action;
import org.smartsession.model.session.AuditEntry;
import org.smartsession.model.session.HistoryPoint;
import org.smartsession.model.session.Roster;
import org.smartsession.model.session.RosterEntry;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.SessionPhase;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.StudentStatus;
import org.smartsession.model.session.TeacherNote;

/** What every {@link SessionStore} adapter must do; run against memory and a real Redis. */
abstract class SessionStoreContract {
  private static int sequence;

  protected SessionStore store;
  protected String sessionId;
  protected final TestClock clock = new TestClock();

  /**
   * A store with a one-second history interval and at most five history points, on {@code clock}.
   */
  protected abstract SessionStore newStore(Clock clock);

  @BeforeEach
  void createSession() {
    store = newStore(clock);
    sessionId =
        "SESSION_" + getClass().getSimpleName() + "_" + (++sequence) + "_" + System.nanoTime();
    store.createSession(
        new SessionInfo(sessionId, "Linear algebra", SessionKind.EXAM, "ada", 1000));
  }

  /**
   * Lets {@code time} pass for the store: the clock, and whatever else expires entries (Redis
   * counts its keys' time to live in real time, so its test shortens them).
   */
  protected void elapse(Duration time) {
    clock.advance(time);
  }

  /** Asserts the store keeps nothing at all for the session, not even a stray key. */
  protected void assertNothingKeptFor(String id) {
    assertTrue(store.findSession(id).isEmpty(), "session");
    assertTrue(store.studentStates(id).isEmpty(), "students");
    assertTrue(store.teachers(id).isEmpty(), "teachers");
    assertTrue(store.alerts(id).isEmpty(), "alerts");
    assertTrue(store.audit(id).isEmpty(), "audit");
    assertTrue(store.notes(id).isEmpty(), "notes");
    assertTrue(store.roster(id).isEmpty(), "roster");
    assertTrue(store.joinTimes(id).isEmpty(), "join times");
    assertEquals(0, store.studentCount(id), "student count");
    assertEquals(AlertCounts.NONE, store.alertCounts(id, "S1"), "alert counts");
  }

  /** Asserts the store keeps nothing of the student in {@link #sessionId}. */
  protected void assertNothingKeptOf(String studentId) {
    assertTrue(store.studentState(sessionId, studentId).isEmpty(), "state");
    assertTrue(store.history(sessionId, studentId, 0, Long.MAX_VALUE).isEmpty(), "history");
    assertTrue(
        store.alerts(sessionId).stream().noneMatch(a -> a.studentId().equals(studentId)), "alerts");
    assertTrue(
        store.notes(sessionId).stream().noneMatch(n -> n.studentId().equals(studentId)), "notes");
    assertTrue(store.roster(sessionId).flatMap(r -> r.find(studentId)).isEmpty(), "on the roster");
    assertFalse(store.joinTimes(sessionId).containsKey(studentId), "join time");
    for (AlertType type : AlertType.values()) {
      assertTrue(store.openAlert(sessionId, studentId, type).isEmpty(), "open " + type);
    }
    AlertCounts counts = store.alertCounts(sessionId, studentId);
    assertEquals(0, counts.studentAlerts(), "their alerts counted");
    assertEquals(0, counts.studentScreenshots(), "their screenshots counted");
  }

  private void aStudentWithEverything(String student, long at) {
    List<RosterEntry> listed =
        new ArrayList<>(store.roster(sessionId).map(Roster::students).orElse(List.of()));
    listed.add(new RosterEntry(student, "Listed " + student));
    store.saveRoster(sessionId, new Roster(listed, false));
    store.addStudent(sessionId, student, "Name of " + student);
    store.saveStudentState(state(student, StudentStatus.CONFUSED, 0.8, at));
    store.saveStudentState(state(student, StudentStatus.ENGAGED, 0.2, at + 2_000));
    store.saveAlert(
        alert(student + "-A1", student, AlertType.MULTIPLE_FACES, at, "data:image/jpeg;base64,AA"));
    Alert open = alert(student + "-A2", student, AlertType.NO_FACE, at + 1, null);
    store.saveAlert(open);
    store.repeatAlert(open, at + 61_000);
    store.acknowledge(
        sessionId, student + "-A1", new Acknowledgement(Action.REVIEWED, "ada", at + 5));
    store.addNote(note(student + "-N1", student, null, at + 6));
    store.addNote(note(student + "-N2", student, student + "-A1", at + 7));
  }

  private TeacherNote note(String noteId, String student, String alertId, long at) {
    return new TeacherNote(noteId, sessionId, student, alertId, "ada", "Seen: " + noteId, at);
  }

  @Test
  void aRosterIsReplacedWholeAndKeepsWhetherOthersMayJoin() {
    assertTrue(store.roster(sessionId).isEmpty());
    store.saveRoster(
        sessionId,
        new Roster(List.of(new RosterEntry("S2", "Grace"), new RosterEntry("S1", "Ada")), false));
    Roster kept = store.roster(sessionId).orElseThrow();
    assertEquals(
        List.of("S1", "S2"), kept.students().stream().map(RosterEntry::studentId).toList());
    assertFalse(kept.othersAllowed());

    store.saveRoster(sessionId, new Roster(List.of(new RosterEntry("S3", "Edsger")), true));
    assertEquals(
        new Roster(List.of(new RosterEntry("S3", "Edsger")), true),
        store.roster(sessionId).orElseThrow());
  }

  @Test
  void aStudentsJoinTimeIsTheirFirstJoin() {
    long first = clock.millis();
    store.addStudentIfAbsent(sessionId, "S1", "Ada");
    clock.advance(Duration.ofMinutes(5));
    store.addStudent(sessionId, "S1", "Ada L."); // joins again later
    store.addStudent(sessionId, "S2", "Grace");

    Map<String, Long> times = store.joinTimes(sessionId);
    assertEquals(first, times.get("S1"));
    assertEquals(first + Duration.ofMinutes(5).toMillis(), times.get("S2"));
  }

  @Test
  void notesAreKeptOnceEachOldestFirst() {
    store.addStudent(sessionId, "S1", "Ada");
    store.addStudent(sessionId, "S2", "Grace");
    TeacherNote later = note("N2", "S1", "A1", 3_000);
    TeacherNote earlier = note("N1", "S2", null, 2_000);
    store.addNote(later);
    store.addNote(earlier);
    store.addNote(later); // written again, e.g. by a server restoring its copy

    assertEquals(List.of(earlier, later), store.notes(sessionId));
    assertTrue(store.notes("UNKNOWN").isEmpty());
  }

  @Test
  void deletingASessionLeavesNothingOfIt() {
    aStudentWithEverything("S1", 1_000);
    aStudentWithEverything("S2", 1_000);
    store.addTeacher(sessionId, "grace");
    store.appendAudit(sessionId, new AuditEntry(5, "ada", "COMMAND", "PAUSE_EXAM"));

    store.deleteSession(sessionId);

    assertNothingKeptFor(sessionId);
    assertTrue(store.sessions().stream().noneMatch(s -> s.sessionId().equals(sessionId)));
    store.deleteSession(sessionId); // again: nothing to do
  }

  @Test
  void deletingAStudentLeavesNothingOfThemAndTheOthersAsTheyWere() {
    aStudentWithEverything("S1", 1_000);
    aStudentWithEverything("S2", 1_000);
    List<Alert> others =
        store.alerts(sessionId).stream().filter(a -> a.studentId().equals("S2")).toList();
    AlertCounts before = store.alertCounts(sessionId, "S2");

    store.deleteStudent(sessionId, "S1");

    assertNothingKeptOf("S1");
    assertEquals(1, store.studentCount(sessionId));
    assertEquals(others, store.alerts(sessionId));
    assertEquals(
        new AlertCounts(
            before.studentAlerts(),
            before.studentAlerts(),
            before.studentScreenshots(),
            before.studentScreenshots()),
        store.alertCounts(sessionId, "S2"));
    assertEquals(StudentStatus.ENGAGED, store.studentState(sessionId, "S2").orElseThrow().status());
    assertEquals(2, store.history(sessionId, "S2", 0, Long.MAX_VALUE).size());
    assertTrue(store.openAlert(sessionId, "S2", AlertType.NO_FACE).isPresent());
    // The id is free again: a new student may join under it.
    assertTrue(store.addStudentIfAbsent(sessionId, "S1", "Someone new"));
  }

  private StudentState state(String student, StudentStatus status, Double confusion, long at) {
    return new StudentState(
        sessionId,
        student,
        "Student " + student,
        status,
        confusion,
        0.5,
        Map.of("eyebrowFurrow", 0.25, "gazeShifts", 0.75),
        1,
        at,
        at + 5);
  }

  @Test
  void findsTheSessionItCreated() {
    SessionInfo info = store.findSession(sessionId).orElseThrow();
    assertEquals("Linear algebra", info.name());
    assertEquals(SessionKind.EXAM, info.kind());
    assertEquals("ada", info.owner());
    assertEquals(1000, info.createdAt());
    assertTrue(store.findSession("NO_SUCH_SESSION").isEmpty());
  }

  @Test
  void keepsASchedule() {
    String scheduled = sessionId + "_SCHEDULED";
    store.createSession(
        new SessionInfo(scheduled, "Exam", SessionKind.EXAM, "ada", 1000, false, 5000L, null));
    SessionInfo kept = store.findSession(scheduled).orElseThrow();
    assertEquals(5000L, kept.opensAt());
    assertEquals(SessionPhase.SCHEDULED, kept.phaseAt(4999));
    assertEquals(SessionPhase.OPEN, kept.phaseAt(5000));

    store.saveLifeCycle(kept.openedAt(3000));
    assertEquals(SessionPhase.OPEN, store.findSession(scheduled).orElseThrow().phaseAt(3000));
  }

  @Test
  void anEndedSessionStaysEndedAndKeepsItsStudents() {
    store.addStudent(sessionId, "S1", "Ada");
    SessionInfo session = store.findSession(sessionId).orElseThrow();

    store.saveLifeCycle(session.endedAt(7000));
    // An older copy of the session, written back later, does not reopen it or move its end.
    store.saveLifeCycle(session);
    store.saveLifeCycle(session.endedAt(9000));

    SessionInfo ended = store.findSession(sessionId).orElseThrow();
    assertEquals(7000L, ended.endedAt());
    assertEquals(SessionPhase.ENDED, ended.phaseAt(7000));
    assertEquals("Linear algebra", ended.name());
    assertEquals(
        List.of("S1"),
        store.studentStates(sessionId).stream().map(StudentState::studentId).toList());
    assertEquals(
        7000L,
        store.sessions().stream()
            .filter(s -> s.sessionId().equals(sessionId))
            .findFirst()
            .orElseThrow()
            .endedAt());
  }

  @Test
  void refusesTheLifeCycleOfAnUnknownSession() {
    SessionInfo unknown = new SessionInfo(sessionId + "_NONE", "x", SessionKind.CLASS, "ada", 1);
    assertThrows(IllegalArgumentException.class, () -> store.saveLifeCycle(unknown.endedAt(2)));
    assertNothingKeptFor(unknown.sessionId());
  }

  @Test
  void listsSessionsNewestFirst() {
    String later = sessionId + "_later";
    store.createSession(new SessionInfo(later, "Later", SessionKind.CLASS, null, 2000));
    List<String> ids = store.sessions().stream().map(SessionInfo::sessionId).toList();
    assertTrue(ids.indexOf(later) < ids.indexOf(sessionId), ids::toString);
    assertNull(store.findSession(later).orElseThrow().owner());
  }

  @Test
  void aJoinedStudentIsListedAsJoined() {
    store.addStudent(sessionId, "S1", "Ada");
    assertEquals(
        List.of("S1"),
        store.studentStates(sessionId).stream().map(StudentState::studentId).toList());
    StudentState s = store.studentState(sessionId, "S1").orElseThrow();
    assertEquals(StudentStatus.JOINED, s.status());
    assertEquals("Ada", s.name());
    assertNull(s.confusion());
  }

  @Test
  void rejoiningKeepsTheStateAndTakesTheNewName() {
    store.addStudent(sessionId, "S1", "Ada");
    store.saveStudentState(state("S1", StudentStatus.CONFUSED, 0.8, 10_000));
    store.addStudent(sessionId, "S1", "Ada L.");
    StudentState s = store.studentState(sessionId, "S1").orElseThrow();
    assertEquals(StudentStatus.CONFUSED, s.status());
    assertEquals("Ada L.", s.name());
  }

  @Test
  void aNewIdIsAddedOnlyOnceAndATakenOneIsLeftAsItWas() {
    assertTrue(store.addStudentIfAbsent(sessionId, "S1", "Ada"));
    StudentState joined = store.studentState(sessionId, "S1").orElseThrow();
    assertEquals(StudentStatus.JOINED, joined.status());
    assertEquals("Ada", joined.name());

    store.saveStudentState(state("S1", StudentStatus.CONFUSED, 0.8, 10_000));
    assertFalse(store.addStudentIfAbsent(sessionId, "S1", "Mallory"));
    StudentState kept = store.studentState(sessionId, "S1").orElseThrow();
    assertEquals(StudentStatus.CONFUSED, kept.status());
    assertEquals("Student S1", kept.name());
    assertEquals(1, store.studentStates(sessionId).size());
  }

  @Test
  void ofManyJoinsWithTheSameNewIdExactlyOneAddsIt() throws Exception {
    int joins = 8;
    ExecutorService pool = Executors.newFixedThreadPool(joins);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> added = new ArrayList<>();
      for (int i = 0; i < joins; i++) {
        String name = "Student " + i;
        added.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.addStudentIfAbsent(sessionId, "S1", name);
                }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> f : added) {
        winners += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(1, winners);
      assertEquals(1, store.studentStates(sessionId).size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void savesAndReadsTheCurrentStateOfEveryStudent() {
    store.saveStudentState(state("S1", StudentStatus.CONFUSED, 0.72, 10_000));
    store.saveStudentState(state("S2", StudentStatus.ANALYSIS_UNAVAILABLE, null, 10_000));
    List<StudentState> states = store.studentStates(sessionId);
    assertEquals(2, states.size());
    StudentState s1 = store.studentState(sessionId, "S1").orElseThrow();
    assertEquals(state("S1", StudentStatus.CONFUSED, 0.72, 10_000), s1);
    assertNull(store.studentState(sessionId, "S2").orElseThrow().confusion());
  }

  @Test
  void keepsAtMostOneHistoryPointPerIntervalAndTheNewestPoints() {
    for (int i = 0; i < 20; i++) {
      // 2 frames per second for 10 s: one point per second, at most five kept.
      store.saveStudentState(state("S1", StudentStatus.ENGAGED, i / 100.0, 10_000 + i * 500L));
    }
    List<HistoryPoint> all = store.history(sessionId, "S1", 0, Long.MAX_VALUE);
    assertEquals(5, all.size(), all::toString);
    assertEquals(15_000, all.get(0).timestamp());
    assertEquals(19_000, all.get(4).timestamp());
    assertEquals(0.18, all.get(4).confusion());
    assertEquals(StudentStatus.ENGAGED, all.get(4).status());
    assertEquals(2, store.history(sessionId, "S1", 16_000, 17_000).size());
  }

  @Test
  void registersTeachers() {
    store.addTeacher(sessionId, "ada");
    store.addTeacher(sessionId, "grace");
    assertEquals(Set.of("ada", "grace"), store.teachers(sessionId));
    store.removeTeacher(sessionId, "grace");
    assertEquals(Set.of("ada"), store.teachers(sessionId));
  }

  @Test
  void keepsTheAuditLogInOrder() {
    store.appendAudit(sessionId, new AuditEntry(1_000, "ada", "ALERT_REVIEWED", "ALERT_1"));
    store.appendAudit(sessionId, new AuditEntry(2_000, "grace", "COMMAND", "PAUSE_EXAM"));
    assertEquals(
        List.of(
            new AuditEntry(1_000, "ada", "ALERT_REVIEWED", "ALERT_1"),
            new AuditEntry(2_000, "grace", "COMMAND", "PAUSE_EXAM")),
        store.audit(sessionId));
    assertEquals(List.of(), store.audit("S-UNKNOWN"));
  }

  @Test
  void storesAlertsInOrderAndRecordsAcknowledgements() {
    Alert first =
        new Alert(
            "A1",
            sessionId,
            "S1",
            AlertType.MULTIPLE_FACES,
            100,
            "2 faces",
            0,
            0.9,
            "data:image/jpeg;base64,AAAA",
            null);
    Alert second =
        new Alert(
            "A2",
            sessionId,
            "S2",
            AlertType.NO_FACE,
            200,
            "no face for 10 s",
            10_000,
            1.0,
            null,
            null);
    store.saveAlert(first);
    store.saveAlert(second);
    assertEquals(List.of(first, second), store.alerts(sessionId));

    Acknowledgement ack = new Acknowledgement(Action.DISMISSED, "ada", 300);
    assertEquals(first.acknowledged(ack), store.acknowledge(sessionId, "A1", ack).orElseThrow());
    assertEquals(List.of(first.acknowledged(ack), second), store.alerts(sessionId));
    assertTrue(store.acknowledge(sessionId, "NO_SUCH_ALERT", ack).isEmpty());
  }

  private Alert alert(String id, String studentId, AlertType type, long at, String screenshot) {
    return new Alert(id, sessionId, studentId, type, at, "why", 0, 0.9, screenshot, null);
  }

  @Test
  void repeatsOfAnOpenAlertCountOnItUntilItIsAcknowledged() {
    Alert blocked = alert("A1", "S1", AlertType.CAMERA_BLOCKED, 100, "data:image/jpeg;base64,AA");
    store.saveAlert(blocked);
    store.saveAlert(alert("A2", "S2", AlertType.CAMERA_BLOCKED, 150, null));
    Alert open = store.openAlert(sessionId, "S1", AlertType.CAMERA_BLOCKED).orElseThrow();
    assertEquals(blocked.withScreenshot(null), open, "the open alert, without its screenshot");
    assertTrue(store.openAlert(sessionId, "S1", AlertType.NO_FACE).isEmpty(), "another type");

    Alert twice = store.repeatAlert(open, 61_000);
    assertEquals(2, twice.count());
    assertEquals(61_000, twice.lastTimestamp());
    assertEquals(3, store.repeatAlert(twice, 122_000).count());
    Alert stored = store.alerts(sessionId).get(0);
    assertEquals(blocked.repeated(3, 122_000), stored, "kept, with its screenshot");
    assertEquals(
        3, store.openAlert(sessionId, "S1", AlertType.CAMERA_BLOCKED).orElseThrow().count());

    store.acknowledge(sessionId, "A1", new Acknowledgement(Action.REVIEWED, "ada", 200_000));
    assertTrue(
        store.openAlert(sessionId, "S1", AlertType.CAMERA_BLOCKED).isEmpty(),
        "a reviewed alert takes no more repeats");
    assertTrue(store.openAlert(sessionId, "S2", AlertType.CAMERA_BLOCKED).isPresent());
    Alert again = alert("A3", "S1", AlertType.CAMERA_BLOCKED, 300_000, null);
    store.saveAlert(again);
    assertEquals(again, store.openAlert(sessionId, "S1", AlertType.CAMERA_BLOCKED).orElseThrow());
  }

  @Test
  void countsAlertsAndScreenshotsPerSessionAndStudent() {
    assertEquals(AlertCounts.NONE, store.alertCounts(sessionId, "S1"));
    store.saveAlert(alert("A1", "S1", AlertType.MULTIPLE_FACES, 100, "data:image/jpeg;base64,AA"));
    store.saveAlert(alert("A2", "S1", AlertType.NO_FACE, 200, null));
    store.saveAlert(alert("A3", "S2", AlertType.MULTIPLE_FACES, 300, "data:image/jpeg;base64,BB"));
    store.repeatAlert(store.openAlert(sessionId, "S1", AlertType.NO_FACE).orElseThrow(), 400);
    assertEquals(new AlertCounts(3, 2, 2, 1), store.alertCounts(sessionId, "S1"));
    assertEquals(new AlertCounts(3, 1, 2, 1), store.alertCounts(sessionId, "S2"));
    assertEquals(new AlertCounts(3, 0, 2, 0), store.alertCounts(sessionId, "S3"));
  }

  @Test
  void countsJoinedStudents() {
    assertEquals(0, store.studentCount(sessionId));
    store.addStudent(sessionId, "S1", "Ada");
    store.addStudentIfAbsent(sessionId, "S2", "Grace");
    store.addStudentIfAbsent(sessionId, "S2", "Someone else");
    assertEquals(2, store.studentCount(sessionId));
    assertEquals(0, store.studentCount("S-UNKNOWN"));
  }

  @Test
  void aJoiningStudentIsStampedWithTheStoresClock() {
    clock.advance(Duration.ofMinutes(30)); // within the time to live
    store.addStudent(sessionId, "S1", "Ada");
    store.addStudentIfAbsent(sessionId, "S2", "Grace");
    assertEquals(clock.millis(), store.studentState(sessionId, "S1").orElseThrow().updatedAt());
    assertEquals(clock.millis(), store.studentState(sessionId, "S2").orElseThrow().updatedAt());
  }

  @Test
  void writesForAnUnknownSessionAreRefusedAndKeepNothing() {
    String unknown = "NO_SUCH_SESSION_" + System.nanoTime();
    StudentState state =
        new StudentState(
            unknown, "S1", "Ada", StudentStatus.ENGAGED, 0.1, 0.9, Map.of(), 1, 100, 100);
    Alert alert =
        new Alert("A1", unknown, "S1", AlertType.NO_FACE, 100, "why", 0, 1.0, "data:,", null);
    assertThrows(IllegalArgumentException.class, () -> store.addStudent(unknown, "S1", "Ada"));
    assertThrows(
        IllegalArgumentException.class, () -> store.addStudentIfAbsent(unknown, "S1", "Ada"));
    assertThrows(IllegalArgumentException.class, () -> store.addTeacher(unknown, "ada"));
    assertThrows(
        IllegalArgumentException.class,
        () -> store.appendAudit(unknown, new AuditEntry(1, "ada", "X", "")));
    assertThrows(IllegalArgumentException.class, () -> store.saveStudentState(state));
    assertThrows(IllegalArgumentException.class, () -> store.saveAlert(alert));
    assertThrows(IllegalArgumentException.class, () -> store.repeatAlert(alert, 200));
    store.removeTeacher(unknown, "ada");
    Acknowledgement ack = new Acknowledgement(Action.REVIEWED, "ada", 300);
    assertTrue(store.acknowledge(unknown, "A1", ack).isEmpty());
    assertNothingKeptFor(unknown);
  }

  @Test
  void aSessionWithARetentionOfItsOwnIsKeptThatLongAfterItsLastWriteThenNothingIsLeft() {
    sessionId += "-TWO-HOURS"; // the store's time to live is one hour
    store.createSession(
        new SessionInfo(
            sessionId, "Kept longer", SessionKind.CLASS, "ada", 1000, false, null, null, 7200L));
    assertEquals(7200L, store.findSession(sessionId).orElseThrow().retentionSeconds());
    store.addTeacher(sessionId, "ada");
    store.addStudent(sessionId, "S1", "Ada");
    store.saveStudentState(state("S1", StudentStatus.ENGAGED, 0.1, 2_000));
    store.saveAlert(alert("A1", "S1", AlertType.NO_FACE, 2_000, "data:image/jpeg;base64,AA"));
    store.addNote(note("N1", "S1", "A1", 2_000));

    elapse(Duration.ofMinutes(90));
    assertTrue(store.findSession(sessionId).isPresent(), "kept past the deployment's hour");
    assertEquals(1, store.notes(sessionId).size());

    elapse(Duration.ofMinutes(31));
    assertNothingKeptFor(sessionId);
  }

  @Test
  void aSessionLivesWithAllItHoldsAsLongAsAnyPartOfItIsWritten() {
    store.addTeacher(sessionId, "grace");
    store.addStudent(sessionId, "S1", "Ada");
    store.saveStudentState(state("S2", StudentStatus.CONFUSED, 0.8, 1_000));
    store.saveAlert(alert("A1", "S2", AlertType.NO_FACE, 1_000, "data:image/jpeg;base64,AA"));
    store.appendAudit(sessionId, new AuditEntry(1_000, "ada", "ALERT_REVIEWED", "A1"));
    store.addNote(note("N1", "S2", "A1", 1_000));
    for (int i = 0; i < 3; i++) {
      elapse(Duration.ofMinutes(40)); // of a one-hour time to live
      store.saveStudentState(state("S1", StudentStatus.ENGAGED, 0.1, 2_000 + i));
    }
    elapse(Duration.ofMinutes(40));
    // Two hours and forty minutes on, S1's writes kept every part alive.
    assertTrue(store.findSession(sessionId).isPresent(), "session");
    assertEquals(Set.of("grace"), store.teachers(sessionId));
    assertEquals(
        StudentStatus.CONFUSED, store.studentState(sessionId, "S2").orElseThrow().status());
    assertEquals(1, store.history(sessionId, "S2", 0, Long.MAX_VALUE).size(), "history");
    assertEquals(List.of("A1"), store.alerts(sessionId).stream().map(Alert::alertId).toList());
    assertEquals(1, store.audit(sessionId).size(), "audit");
    assertEquals(1, store.notes(sessionId).size(), "notes");
    assertEquals(2, store.studentCount(sessionId));

    elapse(Duration.ofMinutes(61));
    assertNothingKeptFor(sessionId);
  }
}
