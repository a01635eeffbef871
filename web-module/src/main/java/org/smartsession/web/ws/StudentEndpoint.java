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
import java.nio.ByteBuffer;
import java.util.List;
import org.smartsession.engine.config.Languages;
import org.smartsession.engine.config.MessageLimits;
import org.smartsession.engine.pipeline.AnalysisPace;
import org.smartsession.engine.pipeline.FramePipeline;
import org.smartsession.engine.pipeline.FrameQueue;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.engine.session.StudentRegistry;
import org.smartsession.engine.session.StudentTokens;
import org.smartsession.engine.session.TokenCheck;
import org.smartsession.engine.session.UnknownSessionException;
import org.smartsession.model.protocol.ErrorCode;
import org.smartsession.model.protocol.Message;
import org.smartsession.model.protocol.Rate;
import org.smartsession.model.protocol.VideoFrame;
import org.smartsession.model.session.StudentKey;

/**
 * {@code /ws/student?sessionId=..&studentId=..}: a joined student's frames in, feedback and
 * commands out. The handler only validates and queues; all image work runs on the frame workers.
 */
@ServerEndpoint(
    value = "/ws/student",
    decoders = MessageDecoder.class,
    configurator = HandshakeChecks.class)
public class StudentEndpoint {
  static final String STUDENT = "smartsession.student";

  @Inject StudentRegistry registry;
  @Inject Languages languages;
  @Inject FramePipeline pipeline;
  @Inject StudentConnections connections;
  @Inject MessageLimits limits;
  @Inject StudentTokens tokens;
  @Inject MessageRates rates;
  @Inject AnalysisPace pace;

  /**
   * Accepts a joined student whose {@code token} query parameter is their own valid token from the
   * join answer; refuses anything else with 1008 and a short reason (never the token).
   */
  @OnOpen
  public void open(Session socket) {
    String sessionId = Endpoints.identifierParameter(socket, "sessionId");
    String studentId = Endpoints.identifierParameter(socket, "studentId");
    if (sessionId == null || studentId == null) {
      Endpoints.refuse(socket, "valid sessionId and studentId query parameters are required");
      return;
    }
    // Browsers cannot set headers on a WebSocket: the join answer's path carries the token.
    List<String> tokenParameter = socket.getRequestParameterMap().get("token");
    String token =
        tokenParameter == null || tokenParameter.isEmpty() ? null : tokenParameter.get(0);
    TokenCheck check = tokens.check(token, new StudentKey(sessionId, studentId));
    if (!check.isValid()) {
      Endpoints.refuse(socket, check.refusal());
      return;
    }
    ConnectedStudent student;
    try {
      List<String> lang = socket.getRequestParameterMap().get("lang");
      student =
          registry.connect(
              sessionId,
              studentId,
              languages.pick(lang == null || lang.isEmpty() ? null : lang.get(0)));
    } catch (UnknownSessionException e) {
      Endpoints.refuse(socket, e.getMessage());
      return;
    }
    socket.setMaxTextMessageBufferSize(limits.maxMessageBytes());
    socket.getUserProperties().put(STUDENT, student);
    Outbox outbox = connections.add(student.key(), socket);
    Endpoints.useOutbox(socket, outbox);
    Double fps = pace.fpsFor(student.kind());
    if (fps != null) {
      outbox.sendEvent(Protocol.CODEC.encode(new Rate(fps)));
    }
    Endpoints.opened(socket);
  }

  @OnMessage
  public void message(Session socket, Message message) {
    ConnectedStudent student = (ConnectedStudent) socket.getUserProperties().get(STUDENT);
    if (student == null) {
      return; // refused at open; the close is under way
    }
    if (!rates.admitFrame(socket)) {
      return;
    }
    if (!(message instanceof VideoFrame frame)) {
      Endpoints.reply(
          socket, Endpoints.error(ErrorCode.UNEXPECTED_TYPE, "students may send only VIDEO_FRAME"));
      return;
    }
    if (!frame.studentId().equals(student.key().studentId())
        || !frame.sessionId().equals(student.key().sessionId())) {
      Endpoints.reply(
          socket,
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
          socket,
          Endpoints.error(ErrorCode.INVALID_FRAME, "the server is at capacity; frame skipped"));
    }
  }

  @OnMessage
  public void pong(Session socket, PongMessage pong) {
    Connections.ponged(socket);
  }

  @OnMessage
  public void binary(Session socket, ByteBuffer data) {
    Endpoints.refuseBinary(socket);
  }

  @OnError
  public void error(Session socket, Throwable failure) {
    if (Endpoints.isRefusedMessage(failure) && !rates.admitFrame(socket)) {
      return;
    }
    Endpoints.failed(socket, failure);
  }

  @OnClose
  public void close(Session socket, CloseReason reason) {
    ConnectedStudent student = (ConnectedStudent) socket.getUserProperties().get(STUDENT);
    if (student != null) {
      connections.remove(student.key(), socket);
      registry.disconnect(student);
    }
  }
}
