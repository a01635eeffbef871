package org.smartsession.web.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.engine.events.FeedbackReady;
import org.smartsession.engine.events.FrameRejected;
import org.smartsession.model.session.StudentKey;

/** Students' open connections; delivers feedback, frame errors and teachers' commands. */
@ApplicationScoped
public class StudentConnections extends Connections<StudentKey> {

  void onFeedback(@Observes FeedbackReady event) {
    String json = Protocol.CODEC.encode(event.feedback());
    of(event.student()).forEach(o -> o.sendState(json));
  }

  void onRejected(@Observes FrameRejected event) {
    String json = Protocol.CODEC.encode(event.error());
    of(event.student()).forEach(o -> o.sendEvent(json));
  }

  void onCommand(@Observes CommandIssued event) {
    String json = Protocol.CODEC.encode(event.command());
    String target = event.command().studentId();
    if (target != null) {
      of(new StudentKey(event.sessionId(), target)).forEach(o -> o.sendEvent(json));
      return;
    }
    for (StudentKey key : keys()) {
      if (key.sessionId().equals(event.sessionId())) {
        of(key).forEach(o -> o.sendEvent(json));
      }
    }
  }
}
