package org.smartsession.web.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.CloseReason;
import org.smartsession.engine.alerts.AlertMessages;
import org.smartsession.engine.events.AlertRaised;
import org.smartsession.engine.events.AlertReviewed;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.engine.events.DataDeleted;
import org.smartsession.engine.events.SessionUpdated;
import org.smartsession.model.protocol.Command;

/**
 * Teachers' open connections by session. Each message is encoded once per session, then sent to
 * every teacher of it asynchronously.
 */
@ApplicationScoped
public class TeacherConnections extends Connections<String> {

  void onUpdate(@Observes SessionUpdated event) {
    var teachers = of(event.sessionId());
    if (!teachers.isEmpty()) {
      String json = Protocol.CODEC.encode(event.update());
      teachers.forEach(o -> o.sendState(json));
    }
  }

  void onAlert(@Observes AlertRaised event) {
    String json = Protocol.CODEC.encode(AlertMessages.of(event.alert()));
    of(event.alert().sessionId()).forEach(o -> o.sendEvent(json));
  }

  void onReviewed(@Observes AlertReviewed event) {
    String json = Protocol.CODEC.encode(event.acknowledgement());
    of(event.sessionId()).forEach(o -> o.sendEvent(json));
  }

  /** A deleted session's dashboards are disconnected; reconnecting finds no session. */
  void onDeleted(@Observes DataDeleted event) {
    if (event.wholeSession()) {
      CloseReason deleted =
          new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "session deleted");
      of(event.sessionId()).forEach(o -> o.close(deleted));
    }
  }

  /** Every dashboard of a session learns that it ended, wherever the teacher ended it. */
  void onCommand(@Observes CommandIssued event) {
    if (event.command().kind() == Command.Kind.END_SESSION) {
      String json = Protocol.CODEC.encode(event.command());
      of(event.sessionId()).forEach(o -> o.sendEvent(json));
    }
  }
}
