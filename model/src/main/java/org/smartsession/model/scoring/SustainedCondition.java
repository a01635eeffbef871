package org.smartsession.model.scoring;

/**
 * Tracks how long a per-frame condition has held, by capture time. An episode starts at the first
 * frame where it holds and lasts to the latest such frame; up to {@code toleratedMisses}
 * consecutive frames where it does not hold are forgiven (one missed detection must not reset a
 * count), more end the episode, and so does a pause in the frames, whose time was not observed.
 */
public final class SustainedCondition {
  private final int toleratedMisses;
  private boolean active;
  private long episode;
  private long startedAt;
  private long lastHeldAt;
  private int misses;
  private int frames;
  private int held;

  public SustainedCondition(int toleratedMisses) {
    if (toleratedMisses < 0) {
      throw new IllegalArgumentException("toleratedMisses may not be negative");
    }
    this.toleratedMisses = toleratedMisses;
  }

  /**
   * @param afterPause the frame follows a pause longer than the maximum frame gap
   */
  public void update(long timestamp, boolean holds, boolean afterPause) {
    if (afterPause) {
      reset();
    }
    if (holds) {
      if (!active) {
        active = true;
        episode++;
        startedAt = timestamp;
        frames = 0;
        held = 0;
      }
      lastHeldAt = timestamp;
      misses = 0;
      frames++;
      held++;
    } else if (active) {
      misses++;
      frames++;
      if (misses > toleratedMisses) {
        active = false;
      }
    }
  }

  /** True while an episode is going on, including a forgiven miss. */
  public boolean active() {
    return active;
  }

  /** True when the condition held in the latest frame. */
  public boolean heldLast() {
    return active && misses == 0;
  }

  /** From the episode's first to its latest frame where the condition held; 0 when none. */
  public long durationMs() {
    return active ? lastHeldAt - startedAt : 0;
  }

  /** Numbers episodes from 1, so a rule can act once per episode. */
  public long episode() {
    return episode;
  }

  /** The share of the episode's frames where the condition held. */
  public double heldShare() {
    return frames == 0 ? 0 : (double) held / frames;
  }

  public void reset() {
    active = false;
    misses = 0;
    frames = 0;
    held = 0;
  }
}
