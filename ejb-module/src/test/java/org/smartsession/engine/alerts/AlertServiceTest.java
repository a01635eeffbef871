package org.smartsession.engine.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartsession.engine.config.AlertSettings;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.engine.events.AlertRaised;
import org.smartsession.engine.events.AlertReviewed;
import org.smartsession.engine.session.AuditLog;
import org.smartsession.engine.store.InMemorySessionStore;
import org.smartsession.engine.testing.RecordingEvent;
import org.smartsession.engine.testing.TestClock;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertCaps;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.protocol.AlertAcknowledged;
import org.smartsession.model.scoring.RaisedAlert;
import org.smartsession.model.session.AuditEntry;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.StudentKey;

class AlertServiceTest {
  private static final String SESSION = "S-EXAM";
  private static final StudentKey STUDENT = new StudentKey(SESSION, "alice");
  private static final String FRAME = "data:image/jpeg;base64,/9j/AAAA";

  private final TestClock clock = new TestClock();
  private final InMemorySessionStore store = new InMemorySessionStore(StoreLimits.DEFAULTS, clock);
  private final RecordingEvent<AlertRaised> raised = new RecordingEvent<>();
  private final RecordingEvent<AlertReviewed> reviewed = new RecordingEvent<>();
  private final AlertService service = new AlertService();

  @BeforeEach
  void wire() {
    store.createSession(new SessionInfo(SESSION, "Exam", SessionKind.EXAM, "ms.ada", 0));
    service.store = store;
    service.settings = AlertSettings.DEFAULTS;
    service.raised = raised;
    service.reviewed = reviewed;
    service.clock = clock;
    service.audit = new AuditLog(store, clock);
  }

  private static RaisedAlert decision(AlertType type) {
    return decision(type, 1_700_000_000_000L);
  }

  private static RaisedAlert decision(AlertType type, long at) {
    return new RaisedAlert(type, at, "no face for 10 s", 10_000, 0.9);
  }

  @Test
  void aRaisedAlertIsStoredAndAnnounced() {
    Alert alert = service.raise(STUDENT, decision(AlertType.NO_FACE), FRAME).orElseThrow();

    assertTrue(alert.alertId().startsWith("ALERT_"), alert.alertId());
    assertEquals(SESSION, alert.sessionId());
    assertEquals("alice", alert.studentId());
    assertEquals(AlertType.NO_FACE, alert.type());
    assertEquals(1_700_000_000_000L, alert.timestamp());
    assertEquals("no face for 10 s", alert.reason());
    assertEquals(10_000, alert.durationMs());
    assertEquals(0.9, alert.confidence());
    assertNull(alert.acknowledgement());
    assertEquals(List.of(alert), store.alerts(SESSION));
    assertEquals(List.of(new AlertRaised(alert)), raised.fired());
    assertTrue(reviewed.fired().isEmpty());
  }

  @Test
  void everyAlertGetsItsOwnId() {
    Alert first = service.raise(STUDENT, decision(AlertType.NO_FACE), FRAME).orElseThrow();
    Alert second = service.raise(STUDENT, decision(AlertType.CAMERA_BLOCKED), FRAME).orElseThrow();

    assertNotEquals(first.alertId(), second.alertId());
    assertEquals(List.of(first, second), store.alerts(SESSION));
    assertEquals(2, raised.fired().size());
  }

  @Test
  void theSameConditionRaisedWhileItsAlertIsOpenCountsOnThatAlert() {
    Alert first = service.raise(STUDENT, decision(AlertType.NO_FACE, 1_000), FRAME).orElseThrow();
    Alert again = service.raise(STUDENT, decision(AlertType.NO_FACE, 70_000), FRAME).orElseThrow();

    assertEquals(first.alertId(), again.alertId());
    assertEquals(2, again.count());
    assertEquals(70_000, again.lastTimestamp());
    assertEquals(List.of(first.repeated(2, 70_000)), store.alerts(SESSION));
    assertEquals(List.of(new AlertRaised(first), new AlertRaised(again)), raised.fired());

    service.acknowledge(SESSION, first.alertId(), AlertAcknowledged.Action.REVIEWED, "ms.ada");
    Alert afterReview =
        service.raise(STUDENT, decision(AlertType.NO_FACE, 140_000), FRAME).orElseThrow();
    assertNotEquals(first.alertId(), afterReview.alertId(), "a reviewed alert stays as reviewed");
    assertEquals(1, afterReview.count());
  }

  @Test
  void beyondTheStudentsOrTheSessionsCapNoAlertIsKept() {
    service.settings = new AlertSettings(true, new AlertCaps(2, 3, 10, 10));
    StudentKey bob = new StudentKey(SESSION, "bob");
    service.raise(STUDENT, decision(AlertType.NO_FACE), FRAME).orElseThrow();
    service.raise(STUDENT, decision(AlertType.LOOKING_AWAY), FRAME).orElseThrow();

    assertTrue(service.raise(STUDENT, decision(AlertType.CAMERA_BLOCKED), FRAME).isEmpty());
    assertEquals(
        2,
        service.raise(STUDENT, decision(AlertType.NO_FACE), FRAME).orElseThrow().count(),
        "a repeat still counts");
    service.raise(bob, decision(AlertType.NO_FACE), FRAME).orElseThrow();
    assertTrue(service.raise(bob, decision(AlertType.CAMERA_BLOCKED), FRAME).isEmpty());
    assertEquals(3, store.alerts(SESSION).size());
    assertEquals(4, raised.fired().size(), "refused alerts are not announced");
  }

  @Test
  void beyondTheScreenshotCapsAlertsKeepNoScreenshot() {
    service.settings = new AlertSettings(true, new AlertCaps(10, 10, 1, 10));
    Alert first = service.raise(STUDENT, decision(AlertType.MULTIPLE_FACES), FRAME).orElseThrow();
    service.acknowledge(SESSION, first.alertId(), AlertAcknowledged.Action.REVIEWED, "ms.ada");
    Alert second = service.raise(STUDENT, decision(AlertType.MULTIPLE_FACES), FRAME).orElseThrow();

    assertEquals(FRAME, first.screenshot());
    assertNull(second.screenshot());
  }

  @Test
  void multipleFacesKeepsTheFrameWhereScreenshotsAreAllowed() {
    Alert alert = service.raise(STUDENT, decision(AlertType.MULTIPLE_FACES), FRAME).orElseThrow();

    assertEquals(FRAME, alert.screenshot());
    assertEquals(FRAME, store.alerts(SESSION).get(0).screenshot());
    assertEquals(FRAME, raised.single().alert().screenshot());
  }

  @Test
  void multipleFacesCarriesNoFrameWhereScreenshotsAreNotAllowed() {
    service.settings = new AlertSettings(false, AlertCaps.DEFAULTS);

    Alert alert = service.raise(STUDENT, decision(AlertType.MULTIPLE_FACES), FRAME).orElseThrow();

    assertNull(alert.screenshot());
    assertNull(store.alerts(SESSION).get(0).screenshot());
    assertNull(raised.single().alert().screenshot());
  }

  @ParameterizedTest
  @EnumSource(value = AlertType.class, names = "MULTIPLE_FACES", mode = EnumSource.Mode.EXCLUDE)
  void otherAlertsNeverCarryTheFrame(AlertType type) {
    Alert alert = service.raise(STUDENT, decision(type), FRAME).orElseThrow();

    assertNull(alert.screenshot());
    assertNull(store.alerts(SESSION).get(0).screenshot());
  }

  @Test
  void anAcknowledgementRecordsWhoWhenAndWhatAndIsAnnounced() {
    Alert alert = service.raise(STUDENT, decision(AlertType.LOOKING_AWAY), FRAME).orElseThrow();

    long now = clock.millis();
    Optional<Alert> acknowledged =
        service.acknowledge(SESSION, alert.alertId(), AlertAcknowledged.Action.DISMISSED, "ms.ada");

    Acknowledgement ack = acknowledged.orElseThrow().acknowledgement();
    assertEquals(AlertAcknowledged.Action.DISMISSED, ack.action());
    assertEquals("ms.ada", ack.by());
    assertEquals(now, ack.at());
    assertEquals(
        List.of(new AuditEntry(now, "ms.ada", "ALERT_DISMISSED", alert.alertId())),
        store.audit(SESSION));
    assertEquals(alert.alertId(), acknowledged.get().alertId());
    assertEquals(ack, store.alerts(SESSION).get(0).acknowledgement());
    assertEquals(
        List.of(
            new AlertReviewed(
                SESSION, new AlertAcknowledged(alert.alertId(), "DISMISSED", "ms.ada", ack.at()))),
        reviewed.fired());
  }

  @Test
  void acknowledgingAnUnknownAlertFindsNothingAndAnnouncesNothing() {
    service.raise(STUDENT, decision(AlertType.NO_FACE), FRAME).orElseThrow();

    assertTrue(
        service
            .acknowledge(SESSION, "ALERT_0000000000000000", AlertAcknowledged.Action.REVIEWED, "x")
            .isEmpty());
    assertTrue(
        service
            .acknowledge("S-NONE", "ALERT_0000000000000000", AlertAcknowledged.Action.REVIEWED, "x")
            .isEmpty());
    assertTrue(reviewed.fired().isEmpty());
    assertNull(store.alerts(SESSION).get(0).acknowledgement());
  }
}
