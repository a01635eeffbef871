package org.smartsession.engine.vision;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Where in a frame the detectors look: the whole frame, letterboxed, or overlapping tiles, each
 * given to the full-range detector at a larger scale than the whole frame gets, so that a face of
 * about 24 px in a 640-px frame is large enough for it.
 */
final class Tiling {
  /** How much neighbouring tiles overlap, so that a face on a tile's edge is whole in the other. */
  static final double TILE_OVERLAP = 0.2;

  private Tiling() {}

  static CropTransform wholeFrame(Mat bgr, DetectorSpec spec) {
    return CropTransform.letterbox(bgr.cols(), bgr.rows(), spec.inputSize);
  }

  /**
   * {@code perSide} × {@code perSide} overlapping tiles of a frame, row by row, for the full-range
   * detector; none when {@code perSide} is below 2.
   */
  static List<CropTransform> tiles(int width, int height, int perSide) {
    List<CropTransform> tiles = new ArrayList<>();
    if (perSide < 2) {
      return tiles;
    }
    double tileWidth = width / (perSide - (perSide - 1) * TILE_OVERLAP);
    double tileHeight = height / (perSide - (perSide - 1) * TILE_OVERLAP);
    for (int row = 0; row < perSide; row++) {
      for (int col = 0; col < perSide; col++) {
        double x = col * (width - tileWidth) / (perSide - 1);
        double y = row * (height - tileHeight) / (perSide - 1);
        tiles.add(
            CropTransform.letterbox(
                x, y, tileWidth, tileHeight, DetectorSpec.FULL_RANGE.inputSize));
      }
    }
    return tiles;
  }
}
