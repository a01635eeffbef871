package org.smartsession.web.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.model.protocol.ErrorCode;
import org.smartsession.model.protocol.ErrorMessage;
import org.smartsession.model.protocol.Identifiers;
import org.smartsession.model.protocol.InvalidMessageException;

/** What both endpoints do alike: read query parameters, refuse, and answer errors. */
final class Endpoints {
  static final String OUTBOX = "smartsession.outbox";

  /** Set once a connection's {@code @OnOpen} has accepted or refused it. */
  private static final String SETTLED = "smartsession.settled";

  private static final Logger LOG = Logger.getLogger(Endpoints.class.getName());

  private Endpoints() {}

  /** A valid identifier from the query, or null. */
  static String identifierParameter(Session socket, String name) {
    List<String> values = socket.getRequestParameterMap().get(name);
    String value = values == null || values.isEmpty() ? null : values.get(0);
    return Identifiers.isValid(value) ? value : null;
  }

  static void refuse(Session socket, String why) {
    socket.getUserProperties().put(SETTLED, Boolean.TRUE);
    close(socket, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, truncate(why)));
  }

  /**
   * Closes a connection that sent a binary message (1003): the protocol is JSON text. The container
   * would otherwise drop such a message without a word, leaving the client waiting.
   */
  static void refuseBinary(Session socket) {
    close(
        socket,
        new CloseReason(
            CloseReason.CloseCodes.CANNOT_ACCEPT, "only text messages (JSON) are accepted"));
  }

  /** The last step of an {@code @OnOpen} that accepted the connection. */
  static void opened(Session socket) {
    socket.getUserProperties().put(SETTLED, Boolean.TRUE);
  }

  static void close(Session socket, CloseReason reason) {
    try {
      socket.close(reason);
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing " + socket.getId() + " failed", e);
    }
  }

  /** Close reasons may carry at most 123 bytes. */
  private static String truncate(String why) {
    return why.length() <= 120 ? why : why.substring(0, 117) + "...";
  }

  /** The ERROR to send for a failure in a connection, or null when there is nothing to say. */
  static ErrorMessage errorFor(Session socket, Throwable failure) {
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
    LOG.log(Level.FINE, "WebSocket error on " + socket.getId(), failure);
    return null;
  }

  static ErrorMessage error(ErrorCode code, String message) {
    return new ErrorMessage(code.name(), message);
  }

  /** Remembers the connection's outbox, through which every reply goes. */
  static void useOutbox(Session socket, Outbox outbox) {
    socket.getUserProperties().put(OUTBOX, outbox);
  }

  /** Sends an ERROR on the connection; nothing if it was refused before it had an outbox. */
  static void reply(Session socket, ErrorMessage error) {
    Outbox outbox = (Outbox) socket.getUserProperties().get(OUTBOX);
    if (outbox != null) {
      outbox.sendEvent(Protocol.CODEC.encode(error));
    }
  }

  /**
   * An endpoint's {@code @OnError}: a message over the size limit closes the connection (1009), a
   * refused message is answered; a failure while the connection opened (its {@code @OnOpen} reads
   * the session store) closes it (1011), rather than leave a connection that ignores all it gets;
   * anything else is logged.
   */
  static void failed(Session socket, Throwable failure) {
    OversizedMessage oversized = causeOf(failure, OversizedMessage.class);
    if (oversized != null) {
      close(socket, new CloseReason(CloseReason.CloseCodes.TOO_BIG, oversized.getMessage()));
      return;
    }
    if (!socket.getUserProperties().containsKey(SETTLED) && !isRefusedMessage(failure)) {
      socket.getUserProperties().put(SETTLED, Boolean.TRUE);
      LOG.log(Level.WARNING, "Could not open " + socket.getId() + "; closing it", failure);
      close(
          socket,
          new CloseReason(
              CloseReason.CloseCodes.UNEXPECTED_CONDITION, "the session store is unavailable"));
      return;
    }
    ErrorMessage error = errorFor(socket, failure);
    if (error != null) {
      reply(socket, error);
    }
  }

  /** Whether the failure is a message refused with an ERROR as it was read (not JSON, invalid). */
  static boolean isRefusedMessage(Throwable failure) {
    return causeOf(failure, OversizedMessage.class) == null
        && (causeOf(failure, InvalidMessageException.class) != null
            || causeOf(failure, DecodeException.class) != null);
  }

  private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
