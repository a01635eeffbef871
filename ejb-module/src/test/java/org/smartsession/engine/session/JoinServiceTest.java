package org.smartsession.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.JoinLimits;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.engine.store.InMemorySessionStore;
import org.smartsession.engine.testing.RecordingEvent;
import org.smartsession.engine.testing.TestClock;
import org.smartsession.model.session.Roster;
import org.smartsession.model.session.RosterEntry;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.StudentKey;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.StudentStatus;

class JoinServiceTest {
  private static final String SESSION = "S-EXAM";
  private static final Duration LIFETIME = Duration.ofHours(12);
  private static final String CLIENT = "192.0.2.7";

  private final TestClock clock = new TestClock();
  private final InMemorySessionStore store =
      new InMemorySessionStore(new StoreLimits(Duration.ofDays(400), 1000, 10), clock);
  private final StudentTokens tokens = new StudentTokens(key(), LIFETIME, clock);
  private final JoinService joins = new JoinService();

  private static byte[] key() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    return key;
  }

  @BeforeEach
  void wire() {
    store.createSession(new SessionInfo(SESSION, "Final exam", SessionKind.EXAM, "ms.ada", 0));
    store.createSession(new SessionInfo("S-OTHER", "Other", SessionKind.CLASS, "ms.ada", 0));
    joins.store = store;
    joins.tokens = tokens;
    joins.joined = new RecordingEvent<>();
    joins.limits = new JoinLimits(3, 100);
    joins.clock = clock;
  }

  private void hasProgressed(String studentId) {
    StudentState joined = store.studentState(SESSION, studentId).orElseThrow();
    store.saveStudentState(
        new StudentState(
            SESSION,
            studentId,
            joined.name(),
            StudentStatus.CONFUSED,
            0.8,
            0.4,
            Map.of(),
            1,
            clock.millis(),
            clock.millis()));
  }

  @Test
  void nobodyJoinsAScheduledSessionBeforeItOpens() throws Exception {
    long opensAt = clock.millis() + 60_000;
    store.createSession(
        new SessionInfo("S-LATER", "Later", SessionKind.EXAM, "ms.ada", 0, false, opensAt, null));

    SessionClosedException early =
        assertThrows(
            SessionClosedException.class, () -> joins.join("S-LATER", "ada", "Ada", null, CLIENT));
    assertFalse(early.ended());
    assertTrue(store.studentState("S-LATER", "ada").isEmpty());

    clock.advance(Duration.ofMinutes(1));
    assertEquals("ada", joins.join("S-LATER", "ada", "Ada", null, CLIENT).studentId());
  }

  @Test
  void aRosterThatRefusesOthersLetsOnlyItsStudentsJoin() throws Exception {
    store.saveRoster(
        SESSION, new Roster(List.of(new RosterEntry("radia", "Radia Perlman")), false));

    assertThrows(
        NotOnRosterException.class, () -> joins.join(SESSION, "mallory", "Mallory", null, CLIENT));
    assertTrue(store.studentState(SESSION, "mallory").isEmpty());
    assertEquals("radia", joins.join(SESSION, "radia", "Radia", null, CLIENT).studentId());

    store.saveRoster(SESSION, new Roster(List.of(new RosterEntry("radia", "Radia Perlman")), true));
    joins.join(SESSION, "mallory", "Mallory", null, CLIENT); // others allowed now
  }

  @Test
  void nobodyJoinsOrResumesAnEndedSession() throws Exception {
    JoinedStudent ada = joins.join(SESSION, "ada", "Ada", null, CLIENT);
    store.saveLifeCycle(store.findSession(SESSION).orElseThrow().endedAt(clock.millis()));

    assertTrue(
        assertThrows(
                SessionClosedException.class,
                () -> joins.join(SESSION, "ada", "Ada", ada.token().value(), CLIENT))
            .ended());
    assertThrows(
        SessionClosedException.class, () -> joins.join(SESSION, "bob", "Bob", null, CLIENT));
    assertTrue(store.studentState(SESSION, "bob").isEmpty());
  }

  @Test
  void aNewStudentJoinsWithATokenForThemInThisSession() throws Exception {
    JoinedStudent ada = joins.join(SESSION, "ada", "Ada", null, CLIENT);

    assertEquals(SESSION, ada.session().sessionId());
    assertEquals("Ada", ada.name());
    assertFalse(ada.resumed());
    assertEquals(
        TokenCheck.VALID, tokens.check(ada.token().value(), new StudentKey(SESSION, "ada")));
    assertEquals(clock.instant().plus(LIFETIME), ada.token().expiresAt());
    assertEquals(StudentStatus.JOINED, store.studentState(SESSION, "ada").orElseThrow().status());
  }

  @Test
  void aSecondJoinWithATakenIdNeitherTakesItOverNorRenamesIt() throws Exception {
    joins.join(SESSION, "ada", "Ada", null, CLIENT);
    hasProgressed("ada");

    StudentIdTakenException taken =
        assertThrows(
            StudentIdTakenException.class,
            () -> joins.join(SESSION, "ada", "Mallory", null, CLIENT));

    assertTrue(taken.getMessage().contains("already in use"), taken.getMessage());
    StudentState ada = store.studentState(SESSION, "ada").orElseThrow();
    assertEquals("Ada", ada.name());
    assertEquals(StudentStatus.CONFUSED, ada.status());
  }

  @Test
  void theStudentsOwnTokenResumesThemWithTheirStateAFreshTokenAndTheNewName() throws Exception {
    JoinedStudent first = joins.join(SESSION, "ada", "Ada", null, CLIENT);
    hasProgressed("ada");
    clock.advance(Duration.ofHours(1));

    JoinedStudent again = joins.join(SESSION, "ada", "Ada L.", first.token().value(), CLIENT);

    assertTrue(again.resumed());
    assertNotEquals(first.token().value(), again.token().value());
    assertEquals(clock.instant().plus(LIFETIME), again.token().expiresAt());
    StudentState ada = store.studentState(SESSION, "ada").orElseThrow();
    assertEquals("Ada L.", ada.name());
    assertEquals(StudentStatus.CONFUSED, ada.status());
  }

  @Test
  void anotherStudentsOrSessionsOrAnExpiredTokenDoesNotResume() throws Exception {
    JoinedStudent ada = joins.join(SESSION, "ada", "Ada", null, CLIENT);
    JoinedStudent bob = joins.join(SESSION, "bob", "Bob", null, CLIENT);
    JoinedStudent elsewhere = joins.join("S-OTHER", "ada", "Ada", null, CLIENT);

    assertThrows(
        StudentIdTakenException.class,
        () -> joins.join(SESSION, "ada", "Bob", bob.token().value(), CLIENT));
    assertThrows(
        StudentIdTakenException.class,
        () -> joins.join(SESSION, "ada", "Ada", elsewhere.token().value(), CLIENT));
    assertThrows(
        StudentIdTakenException.class, () -> joins.join(SESSION, "ada", "Ada", "garbage", CLIENT));
    clock.advance(LIFETIME);
    assertThrows(
        StudentIdTakenException.class,
        () -> joins.join(SESSION, "ada", "Ada", ada.token().value(), CLIENT));
    assertEquals("Ada", store.studentState(SESSION, "ada").orElseThrow().name());
  }

  @Test
  void aTokenThatIsNotTheStudentsDoesNotStopAFreeIdFromJoining() throws Exception {
    JoinedStudent bob = joins.join(SESSION, "bob", "Bob", null, CLIENT);

    JoinedStudent carol = joins.join(SESSION, "carol", "Carol", bob.token().value(), CLIENT);

    assertFalse(carol.resumed());
    assertEquals(
        TokenCheck.VALID, tokens.check(carol.token().value(), new StudentKey(SESSION, "carol")));
  }

  @Test
  void joiningAnUnknownSessionFails() {
    assertThrows(
        UnknownSessionException.class, () -> joins.join("S-NONE", "ada", "Ada", null, CLIENT));
  }

  @Test
  void aFullSessionTakesNoNewStudentButItsOwnStudentsResume() throws Exception {
    JoinedStudent ada = joins.join(SESSION, "ada", "Ada", null, CLIENT);
    joins.join(SESSION, "bob", "Bob", null, CLIENT);
    joins.join(SESSION, "carol", "Carol", null, CLIENT);

    LimitReachedException full =
        assertThrows(
            LimitReachedException.class, () -> joins.join(SESSION, "dan", "Dan", null, CLIENT));
    assertTrue(full.getMessage().contains("3 students"), full.getMessage());
    assertTrue(store.studentState(SESSION, "dan").isEmpty());
    assertTrue(joins.join(SESSION, "ada", "Ada", ada.token().value(), CLIENT).resumed());
  }

  @Test
  void oneAddressJoinsAtMostSoManyTimesAMinute() throws Exception {
    joins.limits = new JoinLimits(100, 5);
    for (int i = 0; i < 5; i++) {
      joins.join("S-OTHER", "s" + i, "S", null, CLIENT);
    }
    LimitReachedException tooFast =
        assertThrows(
            LimitReachedException.class, () -> joins.join("S-OTHER", "s9", "S", null, CLIENT));
    assertTrue(tooFast.retryAfterSeconds() > 0 && tooFast.retryAfterSeconds() <= 60);
    joins.join("S-OTHER", "s9", "S", null, "198.51.100.1");
    clock.advance(Duration.ofSeconds(61));
    joins.join("S-OTHER", "s10", "S", null, CLIENT);
  }

  @Test
  void aSessionThatRequiresSignInTakesTheStudentFromTheProvider() throws Exception {
    store.createSession(
        new SessionInfo("S-SIGNED", "Signed exam", SessionKind.EXAM, "ms.ada", 0, true));
    assertThrows(
        StudentSignInRequiredException.class,
        () -> joins.join("S-SIGNED", "ada", "Ada", null, CLIENT));

    ProviderIdentity provider = new ProviderIdentity("s1234", "Ada Lovelace");
    JoinedStudent ada = joins.join("S-SIGNED", "whatever", "Typed", null, CLIENT, provider);
    assertEquals("s1234", ada.studentId(), "the provider's id, not the typed one");
    assertEquals("Ada Lovelace", ada.name());
    assertFalse(ada.resumed());
    assertTrue(tokens.check(ada.token().value(), new StudentKey("S-SIGNED", "s1234")).isValid());

    // Signed in again, in another browser without the token: the provider vouches for them.
    JoinedStudent again = joins.join("S-SIGNED", "x", "y", null, CLIENT, provider);
    assertTrue(again.resumed());
    assertEquals("s1234", again.studentId());
    assertEquals(1, store.studentCount("S-SIGNED"));
  }

  @Test
  void aSignInCountsForNothingWhereStudentsChooseTheirId() throws Exception {
    JoinedStudent typed =
        joins.join(SESSION, "ada", "Ada", null, CLIENT, new ProviderIdentity("s1234", "Ada L."));
    assertEquals("ada", typed.studentId());
    assertThrows(
        StudentIdTakenException.class,
        () -> joins.join(SESSION, "ada", "Ada", null, CLIENT, new ProviderIdentity("ada", "A")));
  }
}
