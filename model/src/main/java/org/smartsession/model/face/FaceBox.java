package org.smartsession.model.face;

/** An axis-aligned face box in frame pixels. */
public record FaceBox(double x, double y, double width, double height) {
  public FaceBox {
    if (!(width >= 0 && height >= 0)) {
      throw new IllegalArgumentException("a face box needs a non-negative size");
    }
  }

  public double centerX() {
    return x + width / 2;
  }

  public double centerY() {
    return y + height / 2;
  }

  public boolean contains(double px, double py) {
    return px >= x && px <= x + width && py >= y && py <= y + height;
  }
}
