package org.smartsession.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-connection outbox, on a peer whose sends complete only when the test says so. */
class OutboxTest {

  /** A peer that records what is sent and holds each send open until completed. */
  static final class SlowPeer extends FakeSocket {
    final List<SendHandler> pending = new ArrayList<>();

    @Override
    Object remote(String method, Object[] args) {
      if (method.equals("sendText") && args.length == 2) {
        sent.add((String) args[0]);
        pending.add((SendHandler) args[1]);
        return null;
      }
      throw new UnsupportedOperationException(method);
    }

    /** Completes the oldest send still under way. */
    void complete() {
      pending.remove(0).onResult(new SendResult());
    }
  }

  @Test
  void sendsOneAtATimeAndKeepsOnlyTheNewestStateWhileBusy() {
    SlowPeer peer = new SlowPeer();
    Outbox outbox = new Outbox(peer.session);
    outbox.sendState("update 1");
    outbox.sendState("update 2");
    outbox.sendState("update 3");
    assertEquals(List.of("update 1"), peer.sent, "one send at a time");
    peer.complete();
    assertEquals(List.of("update 1", "update 3"), peer.sent, "update 2 was superseded");
    peer.complete();
    assertTrue(peer.pending.isEmpty());
  }

  @Test
  void eventsAreNeverDroppedAndGoBeforeState() {
    SlowPeer peer = new SlowPeer();
    Outbox outbox = new Outbox(peer.session);
    outbox.sendState("update 1");
    outbox.sendState("update 2");
    outbox.sendEvent("alert A");
    outbox.sendEvent("alert B");
    while (!peer.pending.isEmpty()) {
      peer.complete();
    }
    assertEquals(List.of("update 1", "alert A", "alert B", "update 2"), peer.sent);
  }

  @Test
  void aPeerThatLetsTooManyEventsPileUpIsDisconnected() {
    SlowPeer peer = new SlowPeer();
    Outbox outbox = new Outbox(peer.session);
    for (int i = 0; i <= Outbox.MAX_WAITING_EVENTS + 1; i++) {
      outbox.sendEvent("alert " + i);
    }
    assertFalse(peer.open);
    assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, peer.closes.get(0).getCloseCode());
  }

  @Test
  void theLastMessageGoesOutAfterWhatWaitedAndThenTheConnectionCloses() {
    SlowPeer peer = new SlowPeer();
    Outbox outbox = new Outbox(peer.session);
    outbox.sendState("update 1");
    outbox.sendEvent("alert A");
    CloseReason ended = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "session ended");
    outbox.sendLast("ended", ended);
    assertTrue(peer.open, "not before the last message went out");
    while (!peer.pending.isEmpty()) {
      peer.complete();
    }
    assertEquals(List.of("update 1", "alert A", "ended"), peer.sent);
    assertFalse(peer.open);
    assertEquals(List.of(ended), peer.closes);
  }

  @Test
  void aFailedSendClosesTheConnection() {
    SlowPeer peer = new SlowPeer();
    Outbox outbox = new Outbox(peer.session);
    outbox.sendState("update 1");
    peer.pending.remove(0).onResult(new SendResult(new IOException("broken pipe")));
    assertFalse(peer.open);
  }
}
