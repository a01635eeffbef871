package org.smartsession.engine.config;

/**
 * The vision engine: whether the face models load at all ({@code enabled}), and how a student's
 * stream is searched for faces. Faces already seen are followed by their mesh on every frame; the
 * detector runs on the whole frame every {@code detectEvery} frames (and whenever no face is
 * followed); every {@code tileScanEvery} frames one of the {@code tilesPerSide}² overlapping tiles
 * goes through the full-range detector, so small faces in the background are found within a few
 * seconds. When frames come seldom, each search also runs on any frame taken {@code
 * searchAtLeastEveryMs} or more after its last run (0: frame counts only), so a newcomer is not
 * left unseen for several slow frames. The mesh runs on at most {@code maxFaces} faces a frame;
 * every face found is counted.
 */
public record VisionSettings(
    boolean enabled,
    int detectEvery,
    int tileScanEvery,
    int tilesPerSide,
    int maxFaces,
    long searchAtLeastEveryMs) {
  public static final VisionSettings DEFAULTS = new VisionSettings(true, 3, 6, 3, 4, 3000);

  public VisionSettings {
    if (detectEvery < 1
        || tileScanEvery < 0
        || tilesPerSide < 0
        || maxFaces < 1
        || searchAtLeastEveryMs < 0) {
      throw new IllegalArgumentException(
          "detect-every >= 1, tile-scan-every >= 0 (0: never), tiles-per-side >= 0, max-faces >= 1,"
              + " search-at-least-every-ms >= 0 (0: frame counts only)");
    }
  }
}
