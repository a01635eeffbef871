package org.smartsession.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.engine.events.StudentLeft;
import org.smartsession.engine.store.InMemorySessionStore;
import org.smartsession.engine.testing.RecordingEvent;
import org.smartsession.engine.testing.TestClock;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.StudentKey;

class StudentRegistryTest {
  private static final String SESSION = "S-EXAM";
  private static final Duration GRACE = Duration.ofMinutes(10);
  private static final Duration JUST_OVER_GRACE = GRACE.plusMillis(1);

  private final TestClock clock = new TestClock();
  private final InMemorySessionStore store =
      new InMemorySessionStore(new StoreLimits(Duration.ofDays(400), 1000, 10), clock);
  private final StudentRegistry registry = new StudentRegistry();
  private final StudentEviction eviction = new StudentEviction();
  private final RecordingEvent<StudentLeft> left = new RecordingEvent<>();

  @BeforeEach
  void wire() {
    store.createSession(new SessionInfo(SESSION, "Final exam", SessionKind.EXAM, "ms.ada", 0));
    store.addStudent(SESSION, "alice", "Alice");
    registry.store = store;
    registry.clock = clock;
    eviction.registry = registry;
    eviction.left = left;
  }

  @Test
  void theGraceIsTenMinutes() {
    assertEquals(GRACE, StudentRegistry.RECONNECT_GRACE);
  }

  @Test
  void aJoinedStudentConnectsWithTheirNameAndTheSessionsKind() throws Exception {
    ConnectedStudent alice = registry.connect(SESSION, "alice");

    assertEquals(new StudentKey(SESSION, "alice"), alice.key());
    assertEquals("Alice", alice.name());
    assertEquals(SessionKind.EXAM, alice.kind());
    assertTrue(alice.isConnected());
  }

  @Test
  void aStudentWhoRejoinsUnderANewNameIsShownByIt() throws Exception {
    ConnectedStudent first = registry.connect(SESSION, "alice");
    registry.disconnect(first);
    store.addStudent(SESSION, "alice", "Alice B.");

    ConnectedStudent again = registry.connect(SESSION, "alice");

    assertSame(first, again);
    assertEquals("Alice B.", again.name());
  }

  @Test
  void connectingToAnUnknownSessionFails() {
    assertThrows(UnknownSessionException.class, () -> registry.connect("S-NONE", "alice"));
  }

  @Test
  void connectingAsAStudentWhoNeverJoinedFails() {
    assertThrows(UnknownSessionException.class, () -> registry.connect(SESSION, "mallory"));
  }

  @Test
  void nobodyConnectsToAnEndedSession() {
    store.saveLifeCycle(store.findSession(SESSION).orElseThrow().endedAt(clock.millis()));
    assertThrows(UnknownSessionException.class, () -> registry.connect(SESSION, "alice"));
  }

  @Test
  void aStudentWhoReconnectsWithinTheGraceResumes() throws Exception {
    ConnectedStudent first = registry.connect(SESSION, "alice");
    registry.disconnect(first);
    clock.advance(GRACE);

    eviction.evict();
    ConnectedStudent again = registry.connect(SESSION, "alice");

    assertSame(first, again);
    assertTrue(again.isConnected());
    assertTrue(left.fired().isEmpty());
  }

  @Test
  void aStudentGoneLongerThanTheGraceIsEvictedAndStartsAfresh() throws Exception {
    ConnectedStudent first = registry.connect(SESSION, "alice");
    registry.disconnect(first);
    clock.advance(JUST_OVER_GRACE);

    assertEquals(List.of(first), registry.evictGone());
    assertEquals(List.of(), registry.evictGone(), "evicted once only");
    ConnectedStudent later = registry.connect(SESSION, "alice");

    assertNotSame(first, later);
    assertEquals(first.key(), later.key());
  }

  @Test
  void evictionAnnouncesWhoLeft() throws Exception {
    store.addStudent(SESSION, "bob", "Bob");
    ConnectedStudent alice = registry.connect(SESSION, "alice");
    ConnectedStudent bob = registry.connect(SESSION, "bob");
    registry.disconnect(alice);
    clock.advance(Duration.ofMinutes(5));
    registry.disconnect(bob);
    clock.advance(Duration.ofMinutes(5).plusMillis(1));

    eviction.evict();

    assertEquals(List.of(new StudentLeft(alice.key())), left.fired());

    clock.advance(Duration.ofMinutes(5));
    eviction.evict();

    assertEquals(List.of(new StudentLeft(alice.key()), new StudentLeft(bob.key())), left.fired());
  }

  @Test
  void aConnectedStudentIsNeverEvictedHoweverOld() throws Exception {
    registry.connect(SESSION, "alice");
    clock.advance(Duration.ofDays(365));

    eviction.evict();

    assertTrue(left.fired().isEmpty());
    assertTrue(registry.evictGone().isEmpty());
  }

  @Test
  void withTwoConnectionsAStudentIsEvictedOnlyAfterBothClosedAndTheGracePassed() throws Exception {
    ConnectedStudent tab = registry.connect(SESSION, "alice");
    ConnectedStudent otherTab = registry.connect(SESSION, "alice");
    assertSame(tab, otherTab);

    registry.disconnect(tab);
    clock.advance(Duration.ofHours(1));
    assertTrue(registry.evictGone().isEmpty(), "the other connection is still open");
    assertTrue(otherTab.isConnected());

    registry.disconnect(otherTab);
    clock.advance(GRACE);
    assertTrue(registry.evictGone().isEmpty(), "the grace runs from the last close");

    clock.advance(Duration.ofMillis(1));
    assertEquals(List.of(tab), registry.evictGone());
  }
}
