package org.smartsession.engine.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.smartsession.engine.config.AlertSettings;
import org.smartsession.engine.events.AlertRaised;
import org.smartsession.engine.events.AlertReviewed;
import org.smartsession.engine.session.AuditAction;
import org.smartsession.engine.session.AuditLog;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertCaps;
import org.smartsession.model.alerts.AlertCounts;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.protocol.AlertAcknowledged;
import org.smartsession.model.scoring.RaisedAlert;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentKey;

/** Turns rule decisions into stored alerts, tells teachers at once, and records their reviews. */
@ApplicationScoped
public class AlertService {
  private static final Logger LOG = Logger.getLogger(AlertService.class.getName());

  @Inject SessionStore store;
  @Inject AlertSettings settings;
  @Inject Event<AlertRaised> raised;
  @Inject Event<AlertReviewed> reviewed;
  @Inject Clock clock;
  @Inject AuditLog audit;

  /**
   * Keeps a rule's decision and tells the session's teachers: as a new alert, or, while the student
   * has an open alert of that type, as one more occurrence of it. Beyond the caps of the student or
   * the session, a new alert is not kept (and an alert beyond the screenshot caps keeps no
   * screenshot).
   *
   * @param frameDataUrl the triggering frame, kept as the screenshot of a MULTIPLE_FACES alert
   *     where policy allows screenshots
   * @return the alert as stored, or empty when a cap refused it
   */
  public Optional<Alert> raise(StudentKey student, RaisedAlert decision, String frameDataUrl) {
    Optional<Alert> open =
        store.openAlert(student.sessionId(), student.studentId(), decision.type());
    if (open.isPresent()) {
      Alert repeated = store.repeatAlert(open.get(), decision.timestamp());
      raised.fire(new AlertRaised(repeated));
      return Optional.of(repeated);
    }
    AlertCaps caps = settings.caps();
    AlertCounts counts = store.alertCounts(student.sessionId(), student.studentId());
    if (!caps.admits(counts)) {
      LOG.info(
          () ->
              "Not keeping a "
                  + decision.type()
                  + " alert for "
                  + student
                  + ": the alert cap of the student ("
                  + caps.perStudent()
                  + ") or of the session ("
                  + caps.perSession()
                  + ") is reached");
      return Optional.empty();
    }
    boolean screenshot =
        settings.screenshots()
            && decision.type() == AlertType.MULTIPLE_FACES
            && caps.keepsScreenshot(counts);
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
    return Optional.of(alert);
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
