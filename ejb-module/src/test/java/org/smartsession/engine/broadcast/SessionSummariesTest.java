package org.smartsession.engine.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.assessment.StudentStreams;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.engine.config.SummarySettings;
import org.smartsession.engine.events.PaceReported;
import org.smartsession.engine.pipeline.AnalysisPace;
import org.smartsession.engine.store.InMemorySessionStore;
import org.smartsession.engine.testing.TestClock;
import org.smartsession.model.protocol.SessionUpdate;
import org.smartsession.model.scoring.ScoringSettings;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.StudentStatus;

class SessionSummariesTest {
  private static final String SESSION = "S-CLASS";

  /** Capture times on the students' clocks, deliberately far from the server's. */
  private static final long CAPTURED = 1_000_000L;

  private final TestClock clock = new TestClock();
  private final InMemorySessionStore store = new InMemorySessionStore(StoreLimits.DEFAULTS, clock);
  private final SessionSummaries summaries = new SessionSummaries();
  private final OtherServersPace otherServers = new OtherServersPace();

  @BeforeEach
  void wire() {
    store.createSession(new SessionInfo(SESSION, "Algebra", SessionKind.CLASS, "ms.ada", 0));
    summaries.store = store;
    summaries.settings = SummarySettings.DEFAULTS;
    summaries.scoring = ScoringSettings.DEFAULTS;
    summaries.pace = new AnalysisPace();
    summaries.streams = new StudentStreams();
    otherServers.clock = clock;
    summaries.otherServers = otherServers;
  }

  /** The state after a processed frame, saved at the server clock's present time. */
  private StudentState processed(
      String id, StudentStatus status, Double confusion, Double engagement, int faces) {
    StudentState state =
        new StudentState(
            SESSION,
            id,
            "Name of " + id,
            status,
            confusion,
            engagement,
            confusion == null ? Map.of() : Map.of("eyebrowFurrow", confusion),
            faces,
            CAPTURED,
            clock.millis());
    store.saveStudentState(state);
    return state;
  }

  @Test
  void theAggregateAndOneLinePerStudentSortedById() {
    store.addStudent(SESSION, "carol", "Carol");
    store.addStudent(SESSION, "alice", "Alice");
    store.addStudent(SESSION, "bob", "Bob");
    processed("carol", StudentStatus.DISENGAGED, null, 0.0, 0);
    processed("alice", StudentStatus.CONFUSED, 0.8, 0.5, 1);
    processed("bob", StudentStatus.ENGAGED, 0.2, 0.9, 1);
    long now = clock.millis() + 1_000;

    SessionUpdate update = summaries.summarise(SESSION, now);

    assertEquals(SESSION, update.sessionId());
    assertEquals(now, update.timestamp());
    assertEquals(new SessionUpdate.Aggregate(3, 2, 0.5, 1, 1), update.aggregate());
    assertEquals(
        List.of("alice", "bob", "carol"),
        update.students().stream().map(SessionUpdate.StudentSummary::id).toList());
    assertEquals(
        new SessionUpdate.StudentSummary(
            "alice",
            "Name of alice",
            0.8,
            0.5,
            "CONFUSED",
            clock.millis(),
            1,
            Map.of("eyebrowFurrow", 0.8)),
        update.students().get(0));
    SessionUpdate.StudentSummary carol = update.students().get(2);
    assertEquals("DISENGAGED", carol.status());
    assertNull(carol.confusion());
    assertEquals(0.0, carol.engagement());
    assertEquals(0, carol.faces());
    assertNull(carol.indicators(), "no indicators are sent rather than an empty map");
  }

  @Test
  void lastFrameAtIsTheServerTimeOfTheLatestProcessedFrame() {
    long processedAt = clock.millis();
    processed("alice", StudentStatus.ENGAGED, 0.1, 0.9, 1);

    SessionUpdate.StudentSummary line =
        summaries.summarise(SESSION, processedAt + 500).students().get(0);

    assertEquals(processedAt, line.lastFrameAt());
  }

  @Test
  void lastFrameAtIsAbsentBeforeAnyFrame() {
    store.addStudent(SESSION, "alice", "Alice");

    SessionUpdate update = summaries.summarise(SESSION, clock.millis());

    SessionUpdate.StudentSummary line = update.students().get(0);
    assertEquals("JOINED", line.status());
    assertEquals("Alice", line.name());
    assertNull(line.lastFrameAt());
    assertNull(line.confusion());
    assertNull(line.engagement());
    assertEquals(new SessionUpdate.Aggregate(1, 0, null, 0, 0), update.aggregate());
  }

  @Test
  void aStudentWithoutFramesForLongerThanIdleAfterIsIdle() {
    long idleAfter = SummarySettings.DEFAULTS.idleAfterMs();
    long at = clock.millis();
    processed("alice", StudentStatus.CONFUSED, 0.8, 0.5, 1);
    processed("bob", StudentStatus.ENGAGED, 0.2, 0.9, 1);
    clock.advance(Duration.ofMillis(idleAfter));
    processed("bob", StudentStatus.ENGAGED, 0.4, 0.9, 1);

    SessionUpdate stillThere = summaries.summarise(SESSION, at + idleAfter);
    SessionUpdate later = summaries.summarise(SESSION, at + idleAfter + 1);

    assertEquals("CONFUSED", stillThere.students().get(0).status());
    SessionUpdate.StudentSummary alice = later.students().get(0);
    assertEquals("IDLE", alice.status());
    assertEquals(0.8, alice.confusion(), "the last scores are kept for the teacher");
    assertEquals(at, alice.lastFrameAt());
    assertEquals("ENGAGED", later.students().get(1).status());
    assertEquals(
        new SessionUpdate.Aggregate(2, 1, 0.4, 0, 0),
        later.aggregate(),
        "an idle student is neither active nor confused");
  }

  @Test
  void aJoinedStudentWhoNeverSendsAFrameBecomesIdle() {
    long joinedAt = clock.millis();
    store.addStudent(SESSION, "alice", "Alice");

    assertEquals(
        "IDLE",
        summaries
            .summarise(SESSION, joinedAt + SummarySettings.DEFAULTS.idleAfterMs() + 1)
            .students()
            .get(0)
            .status());
  }

  @Test
  void idleAfterComesFromTheSettings() {
    summaries.settings = new SummarySettings(60_000);
    long at = clock.millis();
    processed("alice", StudentStatus.ENGAGED, 0.1, 0.9, 1);

    assertEquals("ENGAGED", summaries.summarise(SESSION, at + 60_000).students().get(0).status());
    assertEquals("IDLE", summaries.summarise(SESSION, at + 60_001).students().get(0).status());
  }

  @Test
  void affectInferenceFollowsTheScoringSettings() {
    assertTrue(summaries.summarise(SESSION, clock.millis()).affectInference());

    summaries.scoring = ScoringSettings.DEFAULTS.withAffectInference(false);

    assertFalse(summaries.summarise(SESSION, clock.millis()).affectInference());
  }

  @Test
  void anUnknownSessionHasNoStudents() {
    SessionUpdate update = summaries.summarise("S-NONE", clock.millis());

    assertTrue(update.students().isEmpty());
    assertEquals(new SessionUpdate.Aggregate(0, 0, null, 0, 0), update.aggregate());
  }

  @Test
  void analysisReducedOnAnotherServerForTheSessionsStudentsThereIsSaid() {
    assertNull(summaries.summarise(SESSION, clock.millis()).analysis(), "nobody reduces it");
    otherServers.onReport(new PaceReported("b", 1.0, 5_000L, null, null, Set.of(SESSION)));
    assertNull(
        summaries.summarise(SESSION, clock.millis()).analysis(), "a lecture; B slows exams only");

    otherServers.onReport(new PaceReported("b", 0.5, 5_000L, 1.0, 9_000L, Set.of(SESSION)));
    otherServers.onReport(new PaceReported("c", 0.5, 4_000L, 0.5, 12_000L, Set.of(SESSION)));
    otherServers.onReport(new PaceReported("d", 0.5, 1_000L, 0.5, 2_000L, Set.of("S-OTHER")));
    assertEquals(
        new SessionUpdate.ReducedAnalysis(0.5, 9_000L),
        summaries.summarise(SESSION, clock.millis()).analysis(),
        "the lowest rate, since the earliest, of the servers with the session's students");

    otherServers.onReport(new PaceReported("c", null, null, null, null, Set.of()));
    assertEquals(
        new SessionUpdate.ReducedAnalysis(1.0, 9_000L),
        summaries.summarise(SESSION, clock.millis()).analysis(),
        "C is back at the full rate");
  }

  @Test
  void aReportNotRenewedNoLongerCounts() {
    otherServers.onReport(new PaceReported("b", 1.0, 5_000L, 1.0, 5_000L, Set.of(SESSION)));
    clock.advance(Duration.ofMillis(OtherServersPace.FRESH_MS));
    assertEquals(1.0, summaries.summarise(SESSION, clock.millis()).analysis().fps());
    clock.advance(Duration.ofMillis(1));
    assertNull(summaries.summarise(SESSION, clock.millis()).analysis(), "B went quiet");
  }
}
