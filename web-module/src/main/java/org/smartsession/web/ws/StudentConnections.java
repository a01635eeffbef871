package org.smartsession.web.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.CloseReason;
import java.util.Objects;
import java.util.stream.Stream;
import org.smartsession.engine.events.AnalysisPaceChanged;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.engine.events.DataDeleted;
import org.smartsession.engine.events.FeedbackReady;
import org.smartsession.engine.events.FrameRejected;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.model.protocol.Command;
import org.smartsession.model.protocol.Rate;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.StudentKey;

/**
 * Students' open connections; delivers feedback, frame errors, teachers' commands and the pace the
 * server asks for, and closes them when their session ends.
 */
@ApplicationScoped
public class StudentConnections extends Connections<StudentKey> {
  private AnalysisPaceChanged pace = new AnalysisPaceChanged(null, null);

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
    if (event.command().kind() == Command.Kind.END_SESSION) {
      CloseReason ended = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "session ended");
      sendLast(studentsOf(event.sessionId()), json, ended);
      return;
    }
    String target = event.command().studentId();
    if (target != null) {
      of(new StudentKey(event.sessionId(), target)).forEach(o -> o.sendEvent(json));
      return;
    }
    studentsOf(event.sessionId()).forEach(key -> of(key).forEach(o -> o.sendEvent(json)));
  }

  /**
   * Students whose data was deleted are told their session is over for them, as when it ends, so
   * that their page stops instead of joining again, and are disconnected.
   */
  void onDeleted(@Observes DataDeleted event) {
    String json = Protocol.CODEC.encode(new Command(Command.Kind.END_SESSION.name(), null, null));
    CloseReason deleted = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "data deleted");
    sendLast(
        studentsOf(event.sessionId()).filter(k -> event.covers(k.sessionId(), k.studentId())),
        json,
        deleted);
  }

  /** Tells the students of each kind of session whose pace changed how many frames to send. */
  void onPace(@Observes AnalysisPaceChanged event) {
    AnalysisPaceChanged before = pace;
    pace = event;
    for (SessionKind kind : SessionKind.values()) {
      if (Objects.equals(before.fpsFor(kind), event.fpsFor(kind))) {
        continue;
      }
      String json = Protocol.CODEC.encode(new Rate(event.fpsFor(kind)));
      for (StudentKey key : keys()) {
        for (Outbox outbox : of(key)) {
          if (outbox.socket().getUserProperties().get(StudentEndpoint.STUDENT)
                  instanceof ConnectedStudent student
              && student.kind() == kind) {
            outbox.sendEvent(json);
          }
        }
      }
    }
  }

  private void sendLast(Stream<StudentKey> students, String json, CloseReason reason) {
    students.forEach(key -> of(key).forEach(o -> o.sendLast(json, reason)));
  }

  private Stream<StudentKey> studentsOf(String sessionId) {
    return keys().stream().filter(key -> key.sessionId().equals(sessionId));
  }
}
