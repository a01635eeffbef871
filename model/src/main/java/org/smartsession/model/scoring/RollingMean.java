package org.smartsession.model.scoring;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The mean of the values seen within a time window, each weighted by the time since the frame
 * before it (capped), so that a burst of frames does not outweigh a slower stretch.
 */
final class RollingMean {
  /** The weight of a first value, which has no frame before it: a frame at 2 per second. */
  private static final long FIRST_WEIGHT_MS = 500;

  private record Sample(long timestamp, double value, double weight) {}

  private final long windowMs;
  private final long maxWeightMs;
  private final Deque<Sample> samples = new ArrayDeque<>();

  RollingMean(long windowMs, long maxWeightMs) {
    this.windowMs = windowMs;
    this.maxWeightMs = maxWeightMs;
  }

  /** Adds a finite value at a timestamp later than the previous one and returns the new mean. */
  double add(long timestamp, double value) {
    double weight =
        samples.isEmpty()
            ? Math.min(FIRST_WEIGHT_MS, maxWeightMs)
            : Math.min(timestamp - samples.peekLast().timestamp(), maxWeightMs);
    samples.addLast(new Sample(timestamp, value, Math.max(weight, 1)));
    while (samples.peekFirst().timestamp() <= timestamp - windowMs) {
      samples.removeFirst();
    }
    return mean();
  }

  double mean() {
    double sum = 0;
    double weights = 0;
    for (Sample s : samples) {
      sum += s.value() * s.weight();
      weights += s.weight();
    }
    return weights == 0 ? 0 : sum / weights;
  }

  boolean isEmpty() {
    return samples.isEmpty();
  }

  void clear() {
    samples.clear();
  }
}
