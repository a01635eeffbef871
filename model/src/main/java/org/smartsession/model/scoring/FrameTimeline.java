package org.smartsession.model.scoring;

/**
 * Orders a student's frames by their capture time. Rolling windows and sustained conditions need
 * time to move forward, so an older or repeated frame is rejected instead of rewinding them, and a
 * long pause is reported so that nothing counts it as time observed.
 */
final class FrameTimeline {

  enum Step {
    /** The first frame, or the first after a clock reset: no time has been observed before it. */
    START,
    /** Follows the previous frame closely enough to count the time in between. */
    NEXT,
    /** Follows a pause longer than the maximum gap: the time in between was not observed. */
    GAP,
    /** Not newer than the latest frame: ignored. */
    STALE
  }

  private final long maxGapMs;
  private final long clockResetMs;
  private boolean started;
  private long latest;

  FrameTimeline(long maxGapMs, long clockResetMs) {
    this.maxGapMs = maxGapMs;
    this.clockResetMs = clockResetMs;
  }

  Step accept(long timestamp) {
    if (!started) {
      return start(timestamp);
    }
    if (timestamp <= latest) {
      // A clock set back far would otherwise make every later frame stale.
      return latest - timestamp > clockResetMs ? start(timestamp) : Step.STALE;
    }
    long elapsed = timestamp - latest;
    latest = timestamp;
    return elapsed > maxGapMs ? Step.GAP : Step.NEXT;
  }

  private Step start(long timestamp) {
    started = true;
    latest = timestamp;
    return Step.START;
  }
}
