package org.smartsession.model.scoring;

/**
 * Where the irises sit in the eyes, in eye widths from the middle of the eye corners, averaged over
 * both eyes and measured along the face's own axes (so head roll does not move it). x is positive
 * towards the image's right (the student looking to their left), y positive downwards.
 */
record GazeOffset(double x, double y) {
  static final GazeOffset CENTRE = new GazeOffset(0, 0);

  double distanceTo(GazeOffset other) {
    return Math.hypot(x - other.x, y - other.y);
  }
}
