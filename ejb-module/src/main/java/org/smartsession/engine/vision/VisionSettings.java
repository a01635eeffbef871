package org.smartsession.engine.vision;

/**
 * How a student's stream is searched for faces. Faces already seen are followed by their mesh on
 * every frame; the detector runs on the whole frame every {@code detectEvery} frames (and whenever
 * no face is followed); every {@code tileScanEvery} frames one of the {@code tilesPerSide}²
 * overlapping tiles goes through the full-range detector, so small faces in the background are
 * found within a few seconds. At most {@code maxFaces} faces per frame.
 */
public record VisionSettings(int detectEvery, int tileScanEvery, int tilesPerSide, int maxFaces) {
  public VisionSettings {
    if (detectEvery < 1 || tileScanEvery < 0 || tilesPerSide < 0 || maxFaces < 1) {
      throw new IllegalArgumentException(
          "detect-every >= 1, tile-scan-every >= 0 (0: never), tiles-per-side >= 0, max-faces >= 1");
    }
  }

  public static VisionSettings defaults() {
    return new VisionSettings(3, 3, 3, 4);
  }
}
