package org.smartsession.web.ws;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.smartsession.engine.config.MessageLimits;
import org.smartsession.engine.pipeline.FramePipeline;
import org.smartsession.engine.pipeline.FrameQueue;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.engine.session.StudentRegistry;
import org.smartsession.engine.session.UnknownSessionException;
import org.smartsession.model.protocol.ErrorCode;
import org.smartsession.model.protocol.Message;
import org.smartsession.model.protocol.VideoFrame;

/**
 * {@code /ws/student?sessionId=..&studentId=..}: a joined student's frames in, feedback and
 * commands out. The handler only validates and queues; all image work runs on the frame workers.
 */
@ServerEndpoint(value = "/ws/student", decoders = MessageDecoder.class)
public class StudentEndpoint {
  private static final String STUDENT = "smartsession.student";

  @Inject StudentRegistry registry;
  @Inject FramePipeline pipeline;
  @Inject StudentConnections connections;
  @Inject MessageLimits limits;

  @OnOpen
  public void open(Session session) {
    String sessionId = Endpoints.identifierParameter(session, "sessionId");
    String studentId = Endpoints.identifierParameter(session, "studentId");
    if (sessionId == null || studentId == null) {
      Endpoints.refuse(session, "valid sessionId and studentId query parameters are required");
      return;
    }
    ConnectedStudent student;
    try {
      student = registry.connect(sessionId, studentId);
    } catch (UnknownSessionException e) {
      Endpoints.refuse(session, e.getMessage());
      return;
    }
    session.setMaxTextMessageBufferSize(limits.maxMessageBytes());
    session.getUserProperties().put(STUDENT, student);
    Endpoints.useOutbox(session, connections.add(student.key(), session));
  }

  @OnMessage
  public void message(Session session, Message message) {
    ConnectedStudent student = (ConnectedStudent) session.getUserProperties().get(STUDENT);
    if (student == null) {
      return; // refused at open; the close is under way
    }
    if (!(message instanceof VideoFrame frame)) {
      Endpoints.reply(
          session,
          Endpoints.error(ErrorCode.UNEXPECTED_TYPE, "students may send only VIDEO_FRAME"));
      return;
    }
    if (!frame.studentId().equals(student.key().studentId())
        || !frame.sessionId().equals(student.key().sessionId())) {
      Endpoints.reply(
          session,
          Endpoints.error(
              ErrorCode.IDENTITY_MISMATCH,
              "this connection belongs to student "
                  + student.key().studentId()
                  + " of session "
                  + student.key().sessionId()));
      return;
    }
    if (pipeline.submit(student, frame) == FrameQueue.Offer.REFUSED) {
      Endpoints.reply(
          session,
          Endpoints.error(ErrorCode.INVALID_FRAME, "the server is at capacity; frame skipped"));
    }
  }

  @OnMessage
  public void pong(Session session, PongMessage pong) {
    Connections.ponged(session);
  }

  @OnError
  public void error(Session session, Throwable failure) {
    Endpoints.failed(session, failure);
  }

  @OnClose
  public void close(Session session, CloseReason reason) {
    ConnectedStudent student = (ConnectedStudent) session.getUserProperties().get(STUDENT);
    if (student != null) {
      connections.remove(student.key(), session);
      registry.disconnect(student);
    }
  }
}
