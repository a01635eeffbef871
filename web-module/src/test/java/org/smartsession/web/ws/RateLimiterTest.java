package org.smartsession.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartsession.web.ws.RateLimiter.Verdict.ACCEPTED;
import static org.smartsession.web.ws.RateLimiter.Verdict.CLOSE;
import static org.smartsession.web.ws.RateLimiter.Verdict.DROPPED;
import static org.smartsession.web.ws.RateLimiter.Verdict.DROPPED_FIRST;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.FramePace;
import org.smartsession.web.ws.RateLimiter.Verdict;

/**
 * The per-connection frame rate, on a clock the test sets: at most twice the configured rate over
 * any 5 s (50 frames at the default 5 fps), the excess dropped and counted, the client told once
 * per flood, and the connection closed once a flood outlasts 10 s.
 */
class RateLimiterTest {
  private static final int MAX = FramePace.DEFAULTS.maxFramesPerWindow();
  private static final long WINDOW = 5_000;
  private static final long CLOSE_AFTER = 10_000;

  private final RateLimiter limiter = new RateLimiter(MAX, WINDOW, CLOSE_AFTER);
  private long now = 1_000_000;

  private Verdict at(long time) {
    now = time;
    return limiter.offer(now);
  }

  /** {@code count} frames evenly spread over {@code periodMs} from now; their verdicts. */
  private List<Verdict> send(int count, long periodMs) {
    List<Verdict> verdicts = new ArrayList<>();
    long start = now;
    for (int i = 0; i < count; i++) {
      verdicts.add(at(start + i * periodMs / count));
    }
    now = start + periodMs;
    return verdicts;
  }

  @Test
  void theDefaultIsFiftyFramesInFiveSeconds() {
    assertEquals(50, MAX);
  }

  @Test
  void thePagesRatesAreNeverLimited() {
    // 2 fps as the page sends, then the 5 fps it may be told, then exactly the limit, 10 fps.
    assertEquals(List.of(), dropped(send(120, 60_000)));
    assertEquals(List.of(), dropped(send(300, 60_000)));
    assertEquals(List.of(), dropped(send(600, 60_000)));
    assertEquals(0, limiter.dropped());
  }

  @Test
  void aBurstWithinTheWindowsAllowanceIsAccepted() {
    send(10, 10_000);
    now += WINDOW;
    assertEquals(List.of(), dropped(send(MAX, 100)));
  }

  @Test
  void framesBeyondTheAllowanceAreDroppedAndTheClientIsToldOnce() {
    List<Verdict> verdicts = send(80, 1_000);
    assertEquals(MAX, verdicts.stream().filter(v -> v == ACCEPTED).count());
    assertEquals(DROPPED_FIRST, verdicts.get(MAX));
    assertEquals(1, verdicts.stream().filter(v -> v == DROPPED_FIRST).count());
    assertEquals(80 - MAX - 1, verdicts.stream().filter(v -> v == DROPPED).count());
    assertEquals(30, limiter.dropped());
  }

  @Test
  void theWindowSlides() {
    for (int i = 0; i < MAX; i++) {
      assertEquals(ACCEPTED, at(1_000_000 + i));
    }
    assertEquals(DROPPED_FIRST, at(1_004_999));
    // The first accepted frame leaves the window 5 s after it came: one more fits, not two.
    assertEquals(ACCEPTED, at(1_005_000));
    assertEquals(DROPPED, at(1_005_000));
    assertEquals(ACCEPTED, at(1_005_001));
  }

  @Test
  void aFloodIsClosedOnceItOutlastsTenSeconds() {
    long start = now;
    List<Verdict> verdicts = new ArrayList<>();
    Verdict verdict;
    do { // 40 frames a second
      verdict = at(start + verdicts.size() * 25L);
      verdicts.add(verdict);
    } while (verdict != CLOSE && verdicts.size() < 1000);
    // The flood began with the 51st frame, at 1.25 s; the first drop after 11.25 s closes.
    long closedAfter = now - start;
    assertTrue(closedAfter > 11_250 && closedAfter <= 11_400, "closed after " + closedAfter);
    assertEquals(1, verdicts.stream().filter(v -> v == DROPPED_FIRST).count());
    assertEquals(DROPPED_FIRST, verdicts.get(MAX));
    // Reported once; whatever else arrives before the close is dropped.
    assertEquals(DROPPED, at(now + 10));
    assertEquals(DROPPED, at(now + 10_000));
  }

  @Test
  void aFloodEndsAfterAQuietWindowAndTheNextOneIsToldAgain() {
    send(60, 1_000);
    assertEquals(1, limiter.floodingFor(now) > 0 ? 1 : 0);
    now += WINDOW; // a whole window without frames
    assertEquals(0, limiter.floodingFor(now));
    List<Verdict> again = send(60, 1_000);
    assertEquals(1, again.stream().filter(v -> v == DROPPED_FIRST).count());
    // Floods that each stop in time never close the connection.
    for (int i = 0; i < 20; i++) {
      now += WINDOW;
      assertEquals(0, send(60, 1_000).stream().filter(v -> v == CLOSE).count());
    }
  }

  @Test
  void aClientThatKeepsSendingJustOverTheRateIsClosedToo() {
    // 11 fps: one frame a second more than allowed, continuously.
    List<Verdict> verdicts = send(11 * 30, 30_000);
    assertEquals(1, verdicts.stream().filter(v -> v == DROPPED_FIRST).count());
    assertEquals(1, verdicts.stream().filter(v -> v == CLOSE).count());
  }

  private static List<Verdict> dropped(List<Verdict> verdicts) {
    return verdicts.stream().filter(v -> v != ACCEPTED).toList();
  }
}
