package org.smartsession.model.scoring;

/** Keeps every score a finite number between 0 and 1. */
final class Scores {
  private Scores() {}

  /** The value limited to 0..1; NaN becomes 0, so a bad measurement never scores. */
  static double clamp(double value) {
    if (!(value > 0)) {
      return 0;
    }
    return Math.min(1, value);
  }

  /** 1 at or below {@code full}, 0 at or beyond {@code none}, linear in between. */
  static double falling(double value, double full, double none) {
    return clamp((none - value) / (none - full));
  }
}
