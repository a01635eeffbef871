package org.smartsession.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.RedisSettings;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertCounts;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.protocol.AlertAcknowledged.Action;
import org.smartsession.model.session.AuditEntry;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StoreUnavailableException;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.StudentStatus;
import org.smartsession.model.session.TeacherNote;

/**
 * The store contract, and Redis going away and coming back empty, against a real Redis server this
 * class starts and stops.
 */
class ResilientRedisStoreTest extends RedisStoreContract {
  private static final StoreLimits LIMITS = new StoreLimits(Duration.ofHours(1), 1000, 5);

  @AfterEach
  void redisIsUpAgain() throws IOException {
    try {
      redis.client().ping();
    } catch (RuntimeException e) {
      redis.start();
    }
  }

  @Override
  protected SessionStore newStore(Clock clock) {
    return server(clock);
  }

  /** One server's store: a client of its own (as each server has), a copy of its own. */
  private static ResilientRedisStore server(Clock clock) {
    RedisSettings settings = RedisSettings.at("redis://127.0.0.1:" + redis.port());
    return new ResilientRedisStore(
        new RedisSessionStore(RedisClients.open(settings), LIMITS, clock),
        new InMemorySessionStore(LIMITS, clock),
        clock);
  }

  private ResilientRedisStore resilient() {
    return (ResilientRedisStore) store;
  }

  private StudentState state(String studentId, StudentStatus status, long at) {
    return new StudentState(sessionId, studentId, "Ada", status, 0.2, 0.8, Map.of(), 1, at, at);
  }

  private Alert alert(String id, String studentId, long at) {
    return new Alert(
        id, sessionId, studentId, AlertType.MULTIPLE_FACES, at, "2 faces", 0, 0.9, "data:,A", null);
  }

  /** Calls recover until Redis answers: the first call after a restart may meet a dead socket. */
  private static void recover(ResilientRedisStore store) {
    for (int i = 0; i < 5 && !store.status().reachable(); i++) {
      store.recover();
    }
    store.recover();
    assertTrue(store.status().reachable(), "Redis answers again");
  }

  /** What Redis itself holds, read by a store without a copy. */
  private RedisSessionStore redisAlone() {
    return new RedisSessionStore(redis.client(), LIMITS, clock);
  }

  @Test
  void whileRedisIsDownWritesAreKeptAndReadBackAndWrittenWhenItReturns() throws IOException {
    store.addStudent(sessionId, "S1", "Ada");
    redis.stop();

    store.saveStudentState(state("S1", StudentStatus.CONFUSED, 5_000));
    store.saveAlert(alert("A1", "S1", 5_000));
    store.appendAudit(sessionId, new AuditEntry(5_001, "ada", "ALERT_REVIEWED", "A1"));
    store.addNote(new TeacherNote("N1", sessionId, "S1", "A1", "ada", "Looked away", 5_002));
    assertFalse(resilient().status().reachable());
    assertEquals(1, resilient().status().sessionsToWrite());
    // The teachers' summary reads these: served from the copy.
    assertEquals(StudentStatus.CONFUSED, store.studentStates(sessionId).get(0).status());
    assertEquals(List.of("A1"), store.alerts(sessionId).stream().map(Alert::alertId).toList());
    assertTrue(store.findSession(sessionId).isPresent());
    assertThrows(StoreUnavailableException.class, () -> store.findSession("ANOTHER_SERVERS"));
    resilient().recover(); // still down: nothing changes
    assertFalse(resilient().status().reachable());

    redis.start(); // empty: no persistence
    recover(resilient());
    RedisSessionStore stored = redisAlone();
    assertTrue(stored.findSession(sessionId).isPresent(), "the session written again");
    assertEquals(
        StudentStatus.CONFUSED, stored.studentState(sessionId, "S1").orElseThrow().status());
    assertEquals(List.of("A1"), stored.alerts(sessionId).stream().map(Alert::alertId).toList());
    assertEquals("data:,A", stored.alerts(sessionId).get(0).screenshot());
    assertEquals(new AlertCounts(1, 1, 1, 1), stored.alertCounts(sessionId, "S1"));
    assertEquals(1, stored.audit(sessionId).size());
    assertEquals(List.of("N1"), stored.notes(sessionId).stream().map(TeacherNote::noteId).toList());
    assertEquals(0, resilient().status().sessionsToWrite());
  }

  @Test
  void whenRedisLosesItsDataEveryServerWritesItsOwnPartAgainOnce() {
    ResilientRedisStore other = server(clock); // a second server, same session
    store.addTeacher(sessionId, "grace");
    store.saveStudentState(state("S1", StudentStatus.ENGAGED, 2_000));
    store.saveAlert(alert("A1", "S1", 2_000));
    other.saveStudentState(state("S2", StudentStatus.DISENGAGED, 2_100));
    other.saveAlert(alert("A2", "S2", 2_100));
    other.acknowledge(sessionId, "A2", new Acknowledgement(Action.REVIEWED, "grace", 2_200));
    Alert repeated =
        store.repeatAlert(
            store.openAlert(sessionId, "S1", AlertType.MULTIPLE_FACES).orElseThrow(), 2_300);
    assertEquals(2, repeated.count());

    redis.client().flushAll(); // as a Redis restarted without persistence
    resilient().recover();
    other.recover();
    resilient().recover(); // and again: nothing is written twice

    RedisSessionStore stored = redisAlone();
    assertEquals(Set.of("grace"), stored.teachers(sessionId));
    assertEquals(
        Set.of("S1", "S2"),
        Set.copyOf(stored.studentStates(sessionId).stream().map(StudentState::studentId).toList()));
    List<Alert> alerts = stored.alerts(sessionId);
    assertEquals(Set.of("A1", "A2"), Set.copyOf(alerts.stream().map(Alert::alertId).toList()));
    Alert a1 = alerts.stream().filter(a -> a.alertId().equals("A1")).findFirst().orElseThrow();
    assertEquals(2, a1.count(), "its repeat");
    Alert a2 = alerts.stream().filter(a -> a.alertId().equals("A2")).findFirst().orElseThrow();
    assertEquals("grace", a2.acknowledgement().by(), "its review");
    assertTrue(stored.openAlert(sessionId, "S2", AlertType.MULTIPLE_FACES).isEmpty());
    assertEquals(new AlertCounts(2, 1, 2, 1), stored.alertCounts(sessionId, "S1"));
  }

  @Test
  void aServersOlderCopyOfAStudentDoesNotOverwriteTheNewerStateInRedis() {
    ResilientRedisStore other = server(clock);
    store.saveStudentState(state("S1", StudentStatus.ENGAGED, 2_000));
    // The student's socket moved to the other server, which wrote a newer state.
    other.saveStudentState(state("S1", StudentStatus.CONFUSED, 9_000));
    redis.client().flushAll();
    other.recover();
    resilient().recover();
    assertEquals(
        StudentStatus.CONFUSED, redisAlone().studentState(sessionId, "S1").orElseThrow().status());
  }
}
