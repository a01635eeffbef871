package org.smartsession.web.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one connection's messages asynchronously, one at a time, so that a slow or dead peer delays
 * nobody else. Periodic state (a summary, feedback) is coalesced: while a send is under way only
 * the newest waits. Events (alerts, commands, errors) all go out, in order; a peer that lets too
 * many pile up is disconnected.
 */
final class Outbox {
  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
  static final int MAX_WAITING_EVENTS = 256;

  private final Session socket;
  private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waitingEvents = new AtomicInteger();
  private final AtomicReference<String> latestState = new AtomicReference<>();
  private final AtomicBoolean sending = new AtomicBoolean();
  private final AtomicReference<CloseReason> closeWhenSent = new AtomicReference<>();

  Outbox(Session socket) {
    this.socket = socket;
  }

  Session socket() {
    return socket;
  }

  /** Sends state that the next state makes obsolete. */
  void sendState(String json) {
    latestState.set(json);
    pump();
  }

  /** Sends a message that must not be lost. */
  void sendEvent(String json) {
    if (waitingEvents.incrementAndGet() > MAX_WAITING_EVENTS) {
      close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow to receive"));
      return;
    }
    events.add(json);
    pump();
  }

  /** Sends a last message, then closes the connection once everything before it went out. */
  void sendLast(String json, CloseReason reason) {
    events.add(json);
    waitingEvents.incrementAndGet();
    closeWhenSent.compareAndSet(null, reason);
    pump();
  }

  private void pump() {
    while (sending.compareAndSet(false, true)) {
      String next = events.poll();
      if (next != null) {
        waitingEvents.decrementAndGet();
      } else {
        next = latestState.getAndSet(null);
      }
      if (next == null) {
        sending.set(false);
        // Something may have arrived between the polls and the reset.
        if (events.isEmpty() && latestState.get() == null) {
          CloseReason last = closeWhenSent.get();
          if (last != null) {
            close(last);
          }
          return;
        }
        continue;
      }
      if (!socket.isOpen()) {
        sending.set(false);
        return;
      }
      try {
        socket
            .getAsyncRemote()
            .sendText(
                next,
                result -> {
                  sending.set(false);
                  if (result.isOK()) {
                    pump();
                  } else {
                    LOG.log(
                        Level.FINE,
                        "Send failed; closing " + socket.getId(),
                        result.getException());
                    close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed"));
                  }
                });
      } catch (RuntimeException e) {
        sending.set(false);
        LOG.log(Level.FINE, "Send refused on " + socket.getId(), e);
        return;
      }
      return;
    }
  }

  void close(CloseReason reason) {
    try {
      if (socket.isOpen()) {
        socket.close(reason);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Closing " + socket.getId() + " failed", e);
    }
  }
}
