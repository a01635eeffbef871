package org.smartsession.engine.logging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.EventMetadata;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.engine.cluster.Relayed;
import org.smartsession.engine.events.AlertRaised;
import org.smartsession.engine.events.AlertReviewed;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.engine.events.FrameRejected;
import org.smartsession.engine.events.StudentJoined;
import org.smartsession.engine.events.StudentLeft;
import org.smartsession.model.alerts.Alert;

/**
 * One log line per thing that happens to a session, with its session and student ids, on logger
 * {@code org.smartsession.events}: students joining and leaving, alerts raised and reviewed,
 * commands sent, frames refused (at FINE: a misbehaving client could send many). Each server logs
 * what it did itself, not what other servers relayed to it.
 */
@ApplicationScoped
public class OperatorLog {
  static final Logger LOG = Logger.getLogger("org.smartsession.events");

  private static boolean relayed(EventMetadata metadata) {
    return metadata.getQualifiers().stream().anyMatch(q -> q instanceof Relayed);
  }

  void onJoined(@Observes StudentJoined event) {
    LogLine.log(
        LOG,
        Level.INFO,
        event.resumed() ? "Student resumed" : "Student joined",
        "sessionId",
        event.student().sessionId(),
        "studentId",
        event.student().studentId());
  }

  void onLeft(@Observes StudentLeft event) {
    LogLine.log(
        LOG,
        Level.INFO,
        "Student left",
        "sessionId",
        event.student().sessionId(),
        "studentId",
        event.student().studentId());
  }

  void onAlert(@Observes AlertRaised event, EventMetadata metadata) {
    if (relayed(metadata)) {
      return;
    }
    Alert a = event.alert();
    LogLine.log(
        LOG,
        a.count() == 1 ? Level.INFO : Level.FINE,
        a.count() == 1 ? "Alert raised" : "Alert raised again",
        "sessionId",
        a.sessionId(),
        "studentId",
        a.studentId(),
        "alertId",
        a.alertId(),
        "alertType",
        a.type(),
        "count",
        a.count(),
        "screenshot",
        a.screenshot() != null);
  }

  void onReview(@Observes AlertReviewed event, EventMetadata metadata) {
    if (relayed(metadata)) {
      return;
    }
    LogLine.log(
        LOG,
        Level.INFO,
        "Alert reviewed",
        "sessionId",
        event.sessionId(),
        "alertId",
        event.acknowledgement().alertId(),
        "action",
        event.acknowledgement().action(),
        "teacher",
        event.acknowledgement().acknowledgedBy());
  }

  void onCommand(@Observes CommandIssued event, EventMetadata metadata) {
    if (relayed(metadata)) {
      return;
    }
    // The command, not a message's text: that is the teacher's words to a student.
    LogLine.log(
        LOG,
        Level.INFO,
        "Command sent",
        "sessionId",
        event.sessionId(),
        "studentId",
        event.command().studentId(),
        "command",
        event.command().command());
  }

  void onRejected(@Observes FrameRejected event) {
    LogLine.log(
        LOG,
        Level.FINE,
        "Frame refused",
        "sessionId",
        event.student().sessionId(),
        "studentId",
        event.student().studentId(),
        "code",
        event.error().code());
  }
}
