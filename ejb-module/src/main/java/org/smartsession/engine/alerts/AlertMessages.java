package org.smartsession.engine.alerts;

import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.protocol.AlertReview;
import org.smartsession.model.protocol.CriticalAlert;

/** An alert in its one wire shape, the same on the teacher's socket and in the REST API. */
public final class AlertMessages {
  private AlertMessages() {}

  public static CriticalAlert of(Alert a) {
    Acknowledgement ack = a.acknowledgement();
    return new CriticalAlert(
        a.alertId(),
        a.sessionId(),
        a.studentId(),
        a.type().name(),
        a.timestamp(),
        a.reason(),
        a.durationMs(),
        a.confidence(),
        a.screenshot(),
        a.count(),
        a.lastTimestamp(),
        ack == null ? null : new AlertReview(ack.action().name(), ack.by(), ack.at()));
  }
}
