package org.smartsession.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.FramePace;

/** A student's connection flooding frames, on a clock the test sets. */
class FrameRatesTest {
  private final SetClock clock = new SetClock();
  private final FrameRates rates = new FrameRates();
  private final FakeSocket socket = new FakeSocket();

  FrameRatesTest() {
    rates.pace = FramePace.DEFAULTS;
    rates.clock = clock;
    Endpoints.useOutbox(socket.session, new Outbox(socket.session));
  }

  @Test
  void aFloodGetsOneErrorThenIsClosedByPolicy() {
    int admitted = 0;
    // 100 frames a second for 10 s: admitted at the limit, told once, still open.
    for (int i = 0; i < 1000; i++) {
      admitted += rates.admit(socket.session) ? 1 : 0;
      clock.advance(Duration.ofMillis(10));
    }
    assertTrue(admitted >= 100 && admitted <= 110, "admitted " + admitted);
    assertEquals(List.of("RATE_LIMITED"), socket.errorCodes());
    assertTrue(socket.closes.isEmpty());
    // Going on: closed with 1008, once, and nothing more gets through.
    int afterTheClose = 0;
    for (int i = 0; i < 100; i++) {
      boolean admittedNow = rates.admit(socket.session);
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
      assertTrue(rates.admit(socket.session));
    }
    assertFalse(rates.admit(socket.session));
    assertTrue(rates.admit(other.session));
  }
}
