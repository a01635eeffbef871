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
import org.smartsession.engine.alerts.AlertMessages;
import org.smartsession.engine.alerts.AlertService;
import org.smartsession.engine.broadcast.SessionSummaries;
import org.smartsession.engine.broadcast.TeacherPresence;
import org.smartsession.engine.session.CommandService;
import org.smartsession.engine.session.NotPermittedException;
import org.smartsession.engine.session.SessionService;
import org.smartsession.engine.session.UnknownSessionException;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.protocol.AlertAcknowledged;
import org.smartsession.model.protocol.Command;
import org.smartsession.model.protocol.ErrorCode;
import org.smartsession.model.protocol.Message;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.Teacher;

/**
 * {@code /ws/teacher?sessionId=..}: the session's summary every second and its alerts at once;
 * acknowledgements and commands in, at a rate {@link MessageRates} bounds. A teacher who connects,
 * or reconnects, gets the current summary and the alerts still waiting for review straight away.
 */
@ServerEndpoint(
    value = "/ws/teacher",
    decoders = MessageDecoder.class,
    configurator = TeacherHandshake.class)
public class TeacherEndpoint {
  private static final String SESSION_ID = "smartsession.sessionId";
  static final int OPEN_ALERTS_ON_CONNECT = 50;

  @Inject SessionStore store;
  @Inject TeacherConnections connections;
  @Inject TeacherPresence presence;
  @Inject SessionSummaries summaries;
  @Inject AlertService alerts;
  @Inject CommandService commands;
  @Inject SessionService sessions;
  @Inject MessageRates rates;

  @OnOpen
  public void open(Session socket) {
    String sessionId = Endpoints.identifierParameter(socket, "sessionId");
    if (sessionId == null) {
      Endpoints.refuse(socket, "a valid sessionId query parameter is required");
      return;
    }
    Teacher teacher = teacher(socket);
    if (teacher == null) {
      Endpoints.refuse(socket, "sign in as a teacher first");
      return;
    }
    try {
      sessions.forTeacher(sessionId, teacher);
    } catch (UnknownSessionException | NotPermittedException e) {
      Endpoints.refuse(socket, e.getMessage());
      return;
    }
    Outbox outbox = connections.add(sessionId, socket);
    socket.getUserProperties().put(SESSION_ID, sessionId);
    Endpoints.useOutbox(socket, outbox);
    presence.joined(sessionId);
    outbox.sendState(
        Protocol.CODEC.encode(summaries.summarise(sessionId, System.currentTimeMillis())));
    toSendOnConnect(store.alerts(sessionId))
        .forEach(a -> outbox.sendEvent(Protocol.CODEC.encode(AlertMessages.of(a))));
    Endpoints.opened(socket);
  }

  @OnMessage
  public void message(Session socket, Message message) {
    String sessionId = (String) socket.getUserProperties().get(SESSION_ID);
    if (sessionId == null || !rates.admitTeacherMessage(socket)) {
      return;
    }
    if (message instanceof AlertAcknowledged ack) {
      if (alerts
          .acknowledge(sessionId, ack.alertId(), ack.actionValue(), teacher(socket).login())
          .isEmpty()) {
        Endpoints.reply(
            socket,
            Endpoints.error(ErrorCode.NOT_FOUND, "no alert " + ack.alertId() + " in this session"));
      }
    } else if (message instanceof Command command && command.kind() == Command.Kind.END_SESSION) {
      Endpoints.reply(
          socket,
          Endpoints.error(
              ErrorCode.UNEXPECTED_TYPE,
              "a session is ended with POST /api/v1/sessions/{sessionId}/end, not a command"));
    } else if (message instanceof Command command) {
      commands.issue(sessionId, command, teacher(socket).login());
    } else {
      Endpoints.reply(
          socket,
          Endpoints.error(
              ErrorCode.UNEXPECTED_TYPE, "teachers may send ALERT_ACKNOWLEDGED or COMMAND"));
    }
  }

  /**
   * The open alerts a connecting teacher gets at once: the newest {@link #OPEN_ALERTS_ON_CONNECT},
   * oldest first, so that however many are open the outbox never overflows; the dashboard reads the
   * whole list over REST as it connects.
   */
  static List<Alert> toSendOnConnect(List<Alert> alerts) {
    List<Alert> open = alerts.stream().filter(a -> a.acknowledgement() == null).toList();
    return open.subList(Math.max(0, open.size() - OPEN_ALERTS_ON_CONNECT), open.size());
  }

  /** The signed-in teacher the handshake found, or null. */
  private static Teacher teacher(Session socket) {
    return socket.getUserProperties().get(TeacherHandshake.TEACHER) instanceof Teacher t ? t : null;
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
    if (Endpoints.isRefusedMessage(failure) && !rates.admitTeacherMessage(socket)) {
      return;
    }
    Endpoints.failed(socket, failure);
  }

  @OnClose
  public void close(Session socket, CloseReason reason) {
    String sessionId = (String) socket.getUserProperties().get(SESSION_ID);
    if (sessionId != null) {
      connections.remove(sessionId, socket);
      presence.left(sessionId);
    }
  }
}
