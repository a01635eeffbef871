package org.smartsession.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.FramePace;

/** Connections flooding messages, on a clock the test sets. */
class MessageRatesTest {
  private final SetClock clock = new SetClock();
  private final MessageRates rates = new MessageRates();
  private final FakeSocket socket = new FakeSocket();

  MessageRatesTest() {
    rates.pace = FramePace.DEFAULTS;
    rates.clock = clock;
    Endpoints.useOutbox(socket.session, new Outbox(socket.session));
  }

  @Test
  void aFloodGetsOneErrorThenIsClosedByPolicy() {
    int admitted = 0;
    // 100 frames a second for 10 s: admitted at the limit, told once, still open.
    for (int i = 0; i < 1000; i++) {
      admitted += rates.admitFrame(socket.session) ? 1 : 0;
      clock.advance(Duration.ofMillis(10));
    }
    assertTrue(admitted >= 100 && admitted <= 110, "admitted " + admitted);
    assertEquals(List.of("RATE_LIMITED"), socket.errorCodes());
    assertTrue(socket.closes.isEmpty());
    // Going on: closed with 1008, once, and nothing more gets through.
    int afterTheClose = 0;
    for (int i = 0; i < 100; i++) {
      boolean admittedNow = rates.admitFrame(socket.session);
      if (!socket.closes.isEmpty() && admittedNow) {
        afterTheClose++;
      }
      clock.advance(Duration.ofMillis(10));
    }
    assertEquals(0, afterTheClose);
    CloseReason close = socket.closedWith();
    assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, close.getCloseCode());
    assertEquals("over 10 frames a second for more than 10 s", close.getReasonPhrase());
    assertEquals(List.of("RATE_LIMITED"), socket.errorCodes());
  }

  @Test
  void eachConnectionHasItsOwnAllowance() {
    FakeSocket other = new FakeSocket();
    for (int i = 0; i < 50; i++) {
      assertTrue(rates.admitFrame(socket.session));
    }
    assertFalse(rates.admitFrame(socket.session));
    assertTrue(rates.admitFrame(other.session));
  }

  @Test
  void aTeacherFloodingMessagesIsToldOnceAndAnsweredNoMore() {
    int admitted = 0;
    // A client sending 60,000 messages at once: the allowance gets through, one RATE_LIMITED.
    for (int i = 0; i < 60_000; i++) {
      admitted += rates.admitTeacherMessage(socket.session) ? 1 : 0;
    }
    assertEquals(MessageRates.TEACHER_MESSAGES_PER_WINDOW, admitted);
    assertEquals(List.of("RATE_LIMITED"), socket.errorCodes());
    assertTrue(socket.closes.isEmpty(), "a burst alone does not close");
    // Going on for longer than 10 s: closed with 1008.
    for (int i = 0; i < 1_200; i++) {
      rates.admitTeacherMessage(socket.session);
      clock.advance(Duration.ofMillis(10));
    }
    CloseReason close = socket.closedWith();
    assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, close.getCloseCode());
    assertEquals("over 10 messages a second for more than 10 s", close.getReasonPhrase());
  }

  @Test
  void aTeacherAtAHumanPaceIsNeverLimited() {
    for (int i = 0; i < 600; i++) {
      assertTrue(rates.admitTeacherMessage(socket.session), "message " + i);
      clock.advance(Duration.ofMillis(200));
    }
    assertEquals(List.of(), socket.errorCodes());
  }
}
