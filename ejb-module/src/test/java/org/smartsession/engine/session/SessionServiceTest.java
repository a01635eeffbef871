package org.smartsession.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.SessionLimits;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.engine.store.InMemorySessionStore;
import org.smartsession.engine.testing.RecordingEvent;
import org.smartsession.engine.testing.TestClock;
import org.smartsession.model.protocol.Command;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.SessionPhase;
import org.smartsession.model.session.Teacher;

/** Who owns and teaches a session, and how many sessions a teacher may make. */
class SessionServiceTest {
  private static final Teacher ADA = new Teacher("ada", "Ada", "ada@uni.example", false);
  private static final Teacher GRACE = new Teacher("grace", "Grace", "grace@uni.example", false);
  private static final Teacher ROOT = new Teacher("root", "Root", null, true);

  private final TestClock clock = new TestClock();
  private final InMemorySessionStore store =
      new InMemorySessionStore(new StoreLimits(Duration.ofDays(1), 1000, 10), clock);
  private final SessionService sessions = new SessionService();
  private final RecordingEvent<CommandIssued> commands = new RecordingEvent<>();

  @BeforeEach
  void wire() {
    sessions.store = store;
    sessions.clock = clock;
    sessions.audit = new AuditLog(store, clock);
    sessions.limits = new SessionLimits(3, 2);
    sessions.retention = new StoreLimits(Duration.ofDays(1), 1000, 10);
    sessions.commands = commands;
  }

  @Test
  void aScheduledSessionOpensAtItsTimeOrWhenStarted() throws Exception {
    long inAnHour = clock.millis() + Duration.ofHours(1).toMillis();
    SessionInfo exam = sessions.create("Algebra", SessionKind.EXAM, ADA, false, inAnHour);
    assertEquals(SessionPhase.SCHEDULED, exam.phaseAt(clock.millis()));
    assertEquals(inAnHour, store.findSession(exam.sessionId()).orElseThrow().opensAt());

    assertThrows(NotPermittedException.class, () -> sessions.start(exam.sessionId(), GRACE));
    SessionInfo started = sessions.start(exam.sessionId(), ADA);
    assertEquals(SessionPhase.OPEN, started.phaseAt(clock.millis()));
    assertEquals(List.of("SESSION_STARTED"), actions(exam.sessionId()));
  }

  @Test
  void aSessionIsScheduledOnlyWhileItsDataIsKept() {
    long tooLate = clock.millis() + Duration.ofHours(23).toMillis() + 1;
    assertThrows(
        IllegalArgumentException.class,
        () -> sessions.create("Algebra", SessionKind.EXAM, ADA, false, tooLate));
  }

  @Test
  void aSessionKeepsItsDataForItsOwnRetentionWithinTheDeploymentsBounds() throws Exception {
    // The deployment keeps data a day, a session at most a week.
    SessionInfo week =
        sessions.create("Algebra", SessionKind.EXAM, ADA, false, null, Duration.ofDays(7));
    assertEquals(Duration.ofDays(7).toSeconds(), week.retentionSeconds());
    clock.advance(Duration.ofDays(3));
    assertTrue(store.findSession(week.sessionId()).isPresent(), "kept past the day");
    assertTrue(
        sessions.create("Kept a day", SessionKind.CLASS, ADA, false).retentionSeconds() == null);
    for (Duration wrong : List.of(Duration.ofMinutes(59), Duration.ofDays(7).plusHours(1))) {
      assertThrows(
          IllegalArgumentException.class,
          () -> sessions.create("Algebra", SessionKind.EXAM, ADA, false, null, wrong));
    }
    // A session kept a week can be scheduled further ahead than the deployment's day.
    long inTwoDays = clock.millis() + Duration.ofDays(2).toMillis();
    sessions.create("Later", SessionKind.EXAM, GRACE, false, inTwoDays, Duration.ofDays(7));
  }

  @Test
  void endingASessionTellsItsStudentsOnceAndIsFinal() throws Exception {
    String id = sessions.create("Algebra", SessionKind.EXAM, ADA, false).sessionId();
    assertThrows(NotPermittedException.class, () -> sessions.end(id, GRACE));

    SessionInfo ended = sessions.end(id, ADA);
    clock.advance(Duration.ofMinutes(1));
    assertEquals(ended.endedAt(), sessions.end(id, ROOT).endedAt());
    assertEquals(SessionPhase.ENDED, sessions.start(id, ADA).phaseAt(clock.millis()));

    assertEquals(List.of("SESSION_ENDED"), actions(id));
    assertEquals(1, commands.fired().size());
    assertEquals(Command.Kind.END_SESSION, commands.fired().get(0).command().kind());
  }

  private List<String> actions(String sessionId) {
    return store.audit(sessionId).stream().map(e -> e.action()).toList();
  }

  @Test
  void aSessionBelongsToItsCreatorAndOnlyTheirsAreListed() throws Exception {
    SessionInfo adas = sessions.create("Algebra", SessionKind.EXAM, ADA, false);
    SessionInfo graces = sessions.create("Poetry", SessionKind.CLASS, GRACE, false);
    assertEquals("ada", adas.owner());
    assertEquals(List.of(adas), sessions.sessionsOf(ADA));
    assertEquals(Set.of(adas, graces), Set.copyOf(sessions.sessionsOf(ROOT)));
    assertThrows(NotPermittedException.class, () -> sessions.forTeacher(adas.sessionId(), GRACE));
    assertThrows(UnknownSessionException.class, () -> sessions.forTeacher("S-NONE", ADA));
  }

  @Test
  void theOwnerAddsAndRemovesCoTeachersAndOnlyTheOwner() throws Exception {
    String id = sessions.create("Algebra", SessionKind.EXAM, ADA, false).sessionId();
    assertThrows(NotPermittedException.class, () -> sessions.addCoTeacher(id, GRACE, "grace"));
    assertEquals("grace@uni.example", sessions.addCoTeacher(id, ADA, " Grace@Uni.Example "));
    assertEquals(id, sessions.forTeacher(id, GRACE).sessionId());
    assertThrows(NotPermittedException.class, () -> sessions.addCoTeacher(id, GRACE, "eve"));
    assertThrows(NotPermittedException.class, () -> sessions.removeCoTeacher(id, ROOT, "ada"));
    sessions.removeCoTeacher(id, ROOT, "grace@uni.example");
    assertThrows(NotPermittedException.class, () -> sessions.forTeacher(id, GRACE));
    assertEquals(
        List.of("CO_TEACHER_ADDED", "CO_TEACHER_REMOVED"),
        store.audit(id).stream().map(e -> e.action()).toList());
  }

  @Test
  void aTeacherCreatesAtMostSoManySessionsAMinute() throws Exception {
    sessions.create("one", SessionKind.CLASS, ADA, false);
    clock.advance(Duration.ofSeconds(10));
    sessions.create("two", SessionKind.CLASS, ADA, false);
    LimitReachedException tooFast =
        assertThrows(
            LimitReachedException.class,
            () -> sessions.create("three", SessionKind.CLASS, ADA, false));
    assertEquals(50, tooFast.retryAfterSeconds());
    sessions.create("grace's", SessionKind.CLASS, GRACE, false); // others are not held up
    clock.advance(Duration.ofSeconds(51));
    sessions.create("three", SessionKind.CLASS, ADA, false);
  }

  @Test
  void aTeacherKeepsAtMostSoManySessions() throws Exception {
    for (int i = 0; i < 3; i++) {
      sessions.create("s" + i, SessionKind.CLASS, ADA, false);
      clock.advance(Duration.ofMinutes(1));
    }
    LimitReachedException full =
        assertThrows(
            LimitReachedException.class,
            () -> sessions.create("s3", SessionKind.CLASS, ADA, false));
    assertEquals(0, full.retryAfterSeconds());
    assertTrue(full.getMessage().contains("3 sessions"), full.getMessage());
    clock.advance(Duration.ofDays(1)); // they expired
    sessions.create("s3", SessionKind.CLASS, ADA, false);
  }
}
