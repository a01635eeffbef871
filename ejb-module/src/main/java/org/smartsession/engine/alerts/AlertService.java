package org.smartsession.engine.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.smartsession.engine.config.AlertSettings;
import org.smartsession.engine.events.AlertRaised;
import org.smartsession.engine.events.AlertReviewed;
import org.smartsession.engine.session.AuditAction;
import org.smartsession.engine.session.AuditLog;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.protocol.AlertAcknowledged;
import org.smartsession.model.scoring.RaisedAlert;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentKey;

/** Turns rule decisions into stored alerts, tells teachers at once, and records their reviews. */
@ApplicationScoped
public class AlertService {

  @Inject SessionStore store;
  @Inject AlertSettings settings;
  @Inject Event<AlertRaised> raised;
  @Inject Event<AlertReviewed> reviewed;
  @Inject Clock clock;
  @Inject AuditLog audit;

  /**
   * @param frameDataUrl the triggering frame, kept as the screenshot of a MULTIPLE_FACES alert
   *     where policy allows screenshots
   */
  public Alert raise(StudentKey student, RaisedAlert decision, String frameDataUrl) {
    boolean screenshot = settings.screenshots() && decision.type() == AlertType.MULTIPLE_FACES;
    Alert alert =
        new Alert(
            "ALERT_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
            student.sessionId(),
            student.studentId(),
            decision.type(),
            decision.timestamp(),
            decision.reason(),
            decision.durationMs(),
            decision.confidence(),
            screenshot ? frameDataUrl : null,
            null);
    store.saveAlert(alert);
    raised.fire(new AlertRaised(alert));
    return alert;
  }

  /** Records a teacher's review; empty when the session has no such alert. */
  public Optional<Alert> acknowledge(
      String sessionId, String alertId, AlertAcknowledged.Action action, String teacher) {
    long now = clock.millis();
    Optional<Alert> alert =
        store.acknowledge(sessionId, alertId, new Acknowledgement(action, teacher, now));
    alert.ifPresent(
        a -> {
          audit.record(
              sessionId,
              teacher,
              action == AlertAcknowledged.Action.REVIEWED
                  ? AuditAction.ALERT_REVIEWED
                  : AuditAction.ALERT_DISMISSED,
              alertId);
          reviewed.fire(
              new AlertReviewed(
                  sessionId, new AlertAcknowledged(alertId, action.name(), teacher, now)));
        });
    return alert;
  }
}
