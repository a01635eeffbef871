package org.smartsession.engine.assessment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartsession.engine.alerts.AlertService;
import org.smartsession.engine.alerts.AlertServices;
import org.smartsession.engine.analysis.FaceAnalyzer;
import org.smartsession.engine.analysis.ReadyAnalyzer;
import org.smartsession.engine.config.AlertSettings;
import org.smartsession.engine.config.FrameLimits;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.engine.events.AlertRaised;
import org.smartsession.engine.events.AlertReviewed;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.engine.events.FeedbackReady;
import org.smartsession.engine.events.FrameRejected;
import org.smartsession.engine.events.StudentLeft;
import org.smartsession.engine.i18n.StudentMessages;
import org.smartsession.engine.image.JpegFrameDecoder;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.engine.store.InMemorySessionStore;
import org.smartsession.engine.testing.Frames;
import org.smartsession.engine.testing.RecordingAssessor;
import org.smartsession.engine.testing.RecordingEvent;
import org.smartsession.engine.testing.ScriptedFaceAnalyzer;
import org.smartsession.engine.testing.TestClock;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceBox;
import org.smartsession.model.protocol.Command;
import org.smartsession.model.protocol.ErrorCode;
import org.smartsession.model.protocol.Feedback;
import org.smartsession.model.protocol.VideoFrame;
import org.smartsession.model.scoring.Assessment;
import org.smartsession.model.scoring.FrameObservation;
import org.smartsession.model.scoring.RaisedAlert;
import org.smartsession.model.scoring.ScoringSettings;
import org.smartsession.model.scoring.StudentAssessor;
import org.smartsession.model.scoring.StudentFeedback;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.StudentKey;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.StudentStatus;

/**
 * The per-frame service on real JPEGs, the real decoder and the in-memory store; only the face
 * analyzer (and, where a test says so, the student's assessor) is scripted.
 */
class AssessmentServiceTest {
  private static final String SESSION = "S-EXAM";

  /** Capture times on the student's clock, which is not the server's. */
  private static final long CAPTURED = 1_700_000_000_000L;

  private static final byte[] JPEG = Frames.fixture(Frames.NO_FACE);
  private static final Face FACE = new Face(new FaceBox(200, 120, 180, 200), 0.95, null, 0, null);
  private static final Face NEIGHBOUR =
      new Face(new FaceBox(480, 140, 90, 100), 0.9, null, 0, null);

  private final TestClock clock = new TestClock();
  private InMemorySessionStore store = new InMemorySessionStore(StoreLimits.DEFAULTS, clock);
  private final JpegFrameDecoder decoder = new JpegFrameDecoder(FrameLimits.DEFAULTS);
  private final ScriptedFaceAnalyzer faces = new ScriptedFaceAnalyzer();
  private final RecordingEvent<FeedbackReady> feedback = new RecordingEvent<>();
  private final RecordingEvent<FrameRejected> rejected = new RecordingEvent<>();
  private final RecordingEvent<AlertRaised> alertRaised = new RecordingEvent<>();

  /** Each student's scripted assessor, when {@link #scripted} is set. */
  private final Map<StudentKey, RecordingAssessor> assessors = new LinkedHashMap<>();

  private boolean scripted = true;

  private final StudentStreams streams =
      new StudentStreams() {
        @Override
        StudentAssessor newAssessor(ConnectedStudent student) {
          if (!scripted) {
            return super.newAssessor(student);
          }
          RecordingAssessor assessor = new RecordingAssessor();
          assessors.put(student.key(), assessor);
          return assessor;
        }
      };

  private final AssessmentService service = new AssessmentService();
  private final ConnectedStudent alice = student("alice", "Alice");
  private final ConnectedStudent bob = student("bob", "Bob");

  private ConnectedStudent student(String id, String name) {
    return new ConnectedStudent(new StudentKey(SESSION, id), name, SessionKind.EXAM, 0);
  }

  @BeforeEach
  void wire() {
    store.createSession(new SessionInfo(SESSION, "Final exam", SessionKind.EXAM, "ms.ada", 0));
    store.addStudent(SESSION, "alice", "Alice");
    store.addStudent(SESSION, "bob", "Bob");
    streams.scoring = ScoringSettings.DEFAULTS;
    service.decoder = decoder;
    service.analyzer =
        new ReadyAnalyzer() {
          @Override
          public Optional<FaceAnalyzer> get() {
            return faces.isReady() ? Optional.of(faces) : Optional.empty();
          }
        };
    service.streams = streams;
    service.store = store;
    service.alerts = alertService();
    service.feedback = feedback;
    service.rejected = rejected;
    service.clock = clock;
  }

  private AlertService alertService() {
    return AlertServices.wired(
        store, AlertSettings.DEFAULTS, alertRaised, new RecordingEvent<AlertReviewed>(), clock);
  }

  @AfterEach
  void close() {
    decoder.close();
  }

  private static VideoFrame frame(ConnectedStudent student, long timestamp) {
    return Frames.frame(SESSION, student.key().studentId(), timestamp, JPEG);
  }

  private StudentState stateOf(ConnectedStudent student) {
    return store.studentState(SESSION, student.key().studentId()).orElseThrow();
  }

  @Test
  void aFrameIsAssessedSavedAndAnsweredWithFeedback() {
    faces.show(List.of(FACE, NEIGHBOUR));
    clock.advance(Duration.ofSeconds(5));

    service.assess(alice, frame(alice, CAPTURED));

    Assessment expected = RecordingAssessor.ENGAGED;
    StudentState state = stateOf(alice);
    assertEquals(StudentStatus.ENGAGED, state.status());
    assertEquals(expected.confusion(), state.confusion());
    assertEquals(expected.engagement(), state.engagement());
    assertEquals(expected.indicators(), state.indicators());
    assertEquals("Alice", state.name());
    assertEquals(2, state.faces(), "the faces the analyzer found");
    assertEquals(CAPTURED, state.lastFrameAt(), "the frame's capture time");
    assertEquals(clock.millis(), state.updatedAt(), "the server clock's time");
    assertEquals(
        List.of(
            new FeedbackReady(
                alice.key(),
                new Feedback(
                    expected.confusion(),
                    expected.engagement(),
                    "ENGAGED",
                    StudentMessages.feedback(Locale.ENGLISH, expected.feedback()),
                    CAPTURED))),
        feedback.fired());
    assertTrue(rejected.fired().isEmpty());
    assertTrue(alertRaised.fired().isEmpty());
    assertEquals(StudentStatus.JOINED, stateOf(bob).status(), "nobody else's state changes");
  }

  @Test
  void itAnswersTheCpuTimeItsThreadSpentOnTheFramesDecodeAndAnalysis() {
    faces.show(List.of(FACE));

    long wallAtStart = System.nanoTime();
    long cpu = service.assess(alice, frame(alice, CAPTURED));
    long wall = System.nanoTime() - wallAtStart;

    assertTrue(cpu > 0, "decoding a JPEG takes CPU time: " + cpu);
    assertTrue(cpu <= wall + 1_000_000, "one thread's CPU time within the call: " + cpu);
  }

  @Test
  void theAssessorObservesTheDecodedFrameAndTheFacesFound() {
    faces.show(List.of(FACE));

    service.assess(alice, frame(alice, CAPTURED));

    ScriptedFaceAnalyzer.Call call = faces.trackers().get(0).calls().get(0);
    assertEquals(
        new ScriptedFaceAnalyzer.Call(Frames.NO_FACE_WIDTH, Frames.NO_FACE_HEIGHT, CAPTURED), call);
    FrameObservation observed = assessors.get(alice.key()).observed().get(0);
    assertEquals(CAPTURED, observed.timestamp());
    assertEquals(Frames.NO_FACE_WIDTH, observed.width());
    assertEquals(Frames.NO_FACE_HEIGHT, observed.height());
    assertEquals(List.of(FACE), observed.faces());
    assertTrue(observed.meanLuma() > 10 && observed.meanLuma() < 245, "a photo, not a blank");
    assertTrue(observed.lumaStdDev() > 5, "a photo, not a uniform frame");
  }

  @Test
  void withTheModelsAssessorAnEmptyRoomIsADisengagedStudent() {
    scripted = false;
    faces.show(List.of());

    service.assess(alice, frame(alice, CAPTURED));

    StudentState state = stateOf(alice);
    assertEquals(StudentStatus.DISENGAGED, state.status());
    assertEquals(0, state.faces());
    Feedback sent = feedback.single().feedback();
    assertEquals("DISENGAGED", sent.status());
    assertEquals(state.engagement(), sent.engagementScore());
    assertNull(sent.confusionScore());
    assertFalse(sent.message().isBlank());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a jpeg", "truncated", "not base64"})
  void aFrameThatIsNoJpegIsRejectedAndNothingSaved(String kind) {
    String payload =
        switch (kind) {
          case "not a jpeg" -> Frames.dataUrl("GIF89a, or anything".getBytes());
          case "truncated" -> Frames.dataUrl(Arrays.copyOf(JPEG, 600));
          default -> VideoFrame.JPEG_DATA_URL_PREFIX + "%%% not base64 %%%";
        };
    StudentState before = stateOf(alice);

    service.assess(alice, new VideoFrame("alice", SESSION, CAPTURED, payload, null));

    FrameRejected rejection = rejected.single();
    assertEquals(alice.key(), rejection.student());
    assertEquals(ErrorCode.INVALID_FRAME.name(), rejection.error().code());
    assertNotNull(rejection.error().message());
    assertEquals(before, stateOf(alice), "nothing saved");
    assertTrue(feedback.fired().isEmpty());
    assertTrue(faces.trackers().isEmpty(), "no analysis of what could not be decoded");
    assertTrue(assessors.values().stream().allMatch(a -> a.log().isEmpty()));
  }

  @Test
  void withoutTheModelsTheStudentIsToldAndNoScoreIsGuessed() {
    faces.setReady(false);

    service.assess(alice, frame(alice, CAPTURED));

    StudentState state = stateOf(alice);
    assertEquals(StudentStatus.ANALYSIS_UNAVAILABLE, state.status());
    assertNull(state.confusion());
    assertNull(state.engagement());
    assertTrue(state.indicators().isEmpty());
    assertEquals(0, state.faces());
    assertEquals(CAPTURED, state.lastFrameAt());
    assertEquals(clock.millis(), state.updatedAt());
    assertEquals(
        new FeedbackReady(
            alice.key(),
            new Feedback(
                null,
                null,
                "ANALYSIS_UNAVAILABLE",
                StudentMessages.feedback(Locale.ENGLISH, StudentFeedback.ANALYSIS_UNAVAILABLE),
                CAPTURED)),
        feedback.single());
    assertTrue(faces.trackers().isEmpty());
    assertTrue(assessors.get(alice.key()).log().isEmpty(), "the assessor is not consulted");
  }

  @Test
  void aStoreThatCannotSaveDoesNotStopFeedback() {
    store =
        new InMemorySessionStore(StoreLimits.DEFAULTS, clock) {
          @Override
          public void saveStudentState(StudentState state) {
            throw new IllegalStateException("the store is unreachable");
          }
        };
    service.store = store;

    assertDoesNotThrow(() -> service.assess(alice, frame(alice, CAPTURED)));

    assertEquals(alice.key(), feedback.single().student());
    assertEquals("ENGAGED", feedback.single().feedback().status());
  }

  @Test
  void anAlertOfTheAssessmentIsStoredAndAnnounced() {
    faces.show(List.of(FACE, NEIGHBOUR));
    RaisedAlert decision =
        new RaisedAlert(AlertType.MULTIPLE_FACES, CAPTURED, "2 faces in view", 0, 0.95);
    service.assess(alice, frame(alice, CAPTURED - 100)); // makes alice's assessor
    assessors
        .get(alice.key())
        .answer(
            new Assessment(
                StudentStatus.PRESENT,
                null,
                null,
                Map.of(),
                StudentFeedback.SEVERAL_FACES,
                List.of(decision)));
    VideoFrame raising = frame(alice, CAPTURED);

    service.assess(alice, raising);

    List<Alert> stored = store.alerts(SESSION);
    assertEquals(1, stored.size());
    Alert alert = stored.get(0);
    assertEquals("alice", alert.studentId());
    assertEquals(AlertType.MULTIPLE_FACES, alert.type());
    assertEquals(CAPTURED, alert.timestamp());
    assertEquals("2 faces in view", alert.reason());
    assertEquals(raising.frame(), alert.screenshot(), "the triggering frame");
    assertEquals(List.of(new AlertRaised(alert)), alertRaised.fired());
    assertEquals(2, feedback.fired().size(), "feedback still goes out");
  }

  @Test
  void anAlertTheStoreRefusesDoesNotStopFeedback() {
    store =
        new InMemorySessionStore(StoreLimits.DEFAULTS, clock) {
          @Override
          public void saveAlert(Alert alert) {
            throw new IllegalStateException("the store is unreachable");
          }
        };
    service.store = store;
    service.alerts = alertService();
    service.assess(alice, frame(alice, CAPTURED - 100)); // makes alice's assessor
    assessors
        .get(alice.key())
        .answer(
            new Assessment(
                StudentStatus.PRESENT,
                null,
                null,
                Map.of(),
                StudentFeedback.SEVERAL_FACES,
                List.of(new RaisedAlert(AlertType.MULTIPLE_FACES, CAPTURED, "2 faces", 0, 0.95))));

    assertDoesNotThrow(() -> service.assess(alice, frame(alice, CAPTURED)));

    assertEquals(2, feedback.fired().size(), "the frame is still answered");
  }

  @Test
  void aRecalibrationIsCarriedOutBeforeTheStudentsNextFrame() {
    service.assess(alice, frame(alice, CAPTURED));
    streams.onCommand(new CommandIssued(SESSION, new Command("RECALIBRATE", "alice", null)));

    assertEquals(List.of("assess " + CAPTURED), assessors.get(alice.key()).log());

    service.assess(alice, frame(alice, CAPTURED + 200));
    service.assess(alice, frame(alice, CAPTURED + 400));

    assertEquals(
        List.of(
            "assess " + CAPTURED,
            "recalibrate",
            "assess " + (CAPTURED + 200),
            "assess " + (CAPTURED + 400)),
        assessors.get(alice.key()).log(),
        "once, before the next frame");
  }

  @Test
  void eachStudentHasOneTrackerForAllTheirFrames() {
    service.assess(alice, frame(alice, CAPTURED));
    service.assess(bob, frame(bob, CAPTURED + 50));
    service.assess(alice, frame(alice, CAPTURED + 200));
    service.assess(alice, frame(alice, CAPTURED + 400));

    List<ScriptedFaceAnalyzer.Tracker> trackers = faces.trackers();
    assertEquals(2, trackers.size());
    assertEquals(
        List.of(CAPTURED, CAPTURED + 200, CAPTURED + 400),
        trackers.get(0).calls().stream().map(ScriptedFaceAnalyzer.Call::timestampMs).toList());
    assertEquals(
        List.of(CAPTURED + 50),
        trackers.get(1).calls().stream().map(ScriptedFaceAnalyzer.Call::timestampMs).toList());
    assertEquals(2, streams.size());
  }

  @Test
  void aStudentWhoLeftIsForgottenAndStartsAfreshOnReturn() {
    service.assess(alice, frame(alice, CAPTURED));
    service.assess(bob, frame(bob, CAPTURED));
    RecordingAssessor before = assessors.get(alice.key());
    StudentStream bobsStream = streams.of(bob);

    streams.onLeft(new StudentLeft(alice.key()));

    assertEquals(1, streams.size());
    assertSame(bobsStream, streams.of(bob), "the others are kept");
    service.assess(alice, frame(alice, CAPTURED + 200));
    assertEquals(3, faces.trackers().size(), "a new tracker");
    assertEquals(List.of(CAPTURED + 200), timestamps(faces.trackers().get(2)));
    RecordingAssessor after = assessors.get(alice.key());
    assertFalse(before == after, "a new assessor");
    assertEquals(List.of("assess " + (CAPTURED + 200)), after.log());
  }

  private static List<Long> timestamps(ScriptedFaceAnalyzer.Tracker tracker) {
    return tracker.calls().stream().map(ScriptedFaceAnalyzer.Call::timestampMs).toList();
  }
}
