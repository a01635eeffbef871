package org.smartsession.web.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Session;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.model.protocol.ErrorCode;
import org.smartsession.model.protocol.ErrorMessage;
import org.smartsession.model.protocol.Identifiers;
import org.smartsession.model.protocol.InvalidMessageException;

/** What both endpoints do alike: read query parameters, refuse, and answer errors. */
final class Endpoints {
  private static final Logger LOG = Logger.getLogger(Endpoints.class.getName());

  private Endpoints() {}

  /** A valid identifier from the query, or null. */
  static String identifierParameter(Session session, String name) {
    List<String> values = session.getRequestParameterMap().get(name);
    String value = values == null || values.isEmpty() ? null : values.get(0);
    return Identifiers.isValid(value) ? value : null;
  }

  static void refuse(Session session, String why) {
    close(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, truncate(why)));
  }

  static void close(Session session, CloseReason reason) {
    try {
      session.close(reason);
    } catch (java.io.IOException e) {
      LOG.log(Level.FINE, "Closing " + session.getId() + " failed", e);
    }
  }

  /** Close reasons may carry at most 123 bytes. */
  private static String truncate(String why) {
    return why.length() <= 120 ? why : why.substring(0, 117) + "...";
  }

  /** The ERROR to send for a failure in a connection, or null when there is nothing to say. */
  static ErrorMessage errorFor(Session session, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InvalidMessageException invalid) {
        return ErrorMessage.of(invalid);
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DecodeException decode) {
        return new ErrorMessage(ErrorCode.MALFORMED_JSON.name(), decode.getMessage());
      }
    }
    LOG.log(Level.FINE, "WebSocket error on " + session.getId(), failure);
    return null;
  }

  static ErrorMessage error(ErrorCode code, String message) {
    return new ErrorMessage(code.name(), message);
  }

  static final String OUTBOX = "smartsession.outbox";

  /** Remembers the connection's outbox, through which every reply goes. */
  static void useOutbox(Session session, Outbox outbox) {
    session.getUserProperties().put(OUTBOX, outbox);
  }

  /** Sends an ERROR on the connection; nothing if it was refused before it had an outbox. */
  static void reply(Session session, ErrorMessage error) {
    Outbox outbox = (Outbox) session.getUserProperties().get(OUTBOX);
    if (outbox != null) {
      outbox.sendEvent(Protocol.CODEC.encode(error));
    }
  }

  /** An endpoint's {@code @OnError}: a refused message is answered, anything else logged. */
  static void failed(Session session, Throwable failure) {
    ErrorMessage error = errorFor(session, failure);
    if (error != null) {
      reply(session, error);
    }
  }
}
