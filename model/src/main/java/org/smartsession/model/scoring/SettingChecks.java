package org.smartsession.model.scoring;

/** The range checks the settings records run in their constructors. */
final class SettingChecks {
  private SettingChecks() {}

  static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
  }

  static void positive(String name, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be a positive number, was " + value);
    }
  }

  static void between(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", was " + value);
    }
  }

  /** Weights are fractions of a score, so together they may not exceed 1. */
  static void weights(String name, double... weights) {
    double sum = 0;
    for (double w : weights) {
      between(name + " weight", w, 0, 1);
      sum += w;
    }
    if (!(sum > 0 && sum <= 1 + 1e-9)) {
      throw new IllegalArgumentException(
          name + " weights must add up to more than 0 and at most 1, was " + sum);
    }
  }
}
