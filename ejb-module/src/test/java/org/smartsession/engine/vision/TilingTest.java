package org.smartsession.engine.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tiles, read back from their transforms: they cover the frame, overlapping as stated. */
class TilingTest {
  private static final double EPS = 1e-9;
  private static final int INPUT = DetectorSpec.FULL_RANGE.inputSize;

  /** A tile as a rectangle of the frame: the input square mapped back, less the letterbox. */
  private record Rect(double left, double top, double right, double bottom) {
    static Rect of(CropTransform t, int frameWidth, int frameHeight) {
      double cx = t.x(INPUT / 2.0, INPUT / 2.0);
      double cy = t.y(INPUT / 2.0, INPUT / 2.0);
      // A tile has the frame's shape; its long side fills the input.
      double side = t.scale() * INPUT;
      double longSide = Math.max(frameWidth, frameHeight);
      double w = side * frameWidth / longSide;
      double h = side * frameHeight / longSide;
      return new Rect(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    double width() {
      return right - left;
    }

    double height() {
      return bottom - top;
    }
  }

  @ParameterizedTest(name = "{0}x{1}, {2} per side")
  @CsvSource({"640, 480, 2", "640, 480, 3", "480, 640, 3", "1280, 720, 4"})
  void tilesCoverTheFrameRowByRowWithTheStatedOverlap(int width, int height, int perSide) {
    List<CropTransform> tiles = Tiling.tiles(width, height, perSide);
    assertEquals(perSide * perSide, tiles.size());
    for (int row = 0; row < perSide; row++) {
      for (int col = 0; col < perSide; col++) {
        Rect r = Rect.of(tiles.get(row * perSide + col), width, height);
        if (col == 0) {
          assertEquals(0, r.left(), EPS, "first column starts at the left edge");
        } else {
          Rect left = Rect.of(tiles.get(row * perSide + col - 1), width, height);
          assertEquals(left.top(), r.top(), EPS, "a row is level");
          assertEquals(Tiling.TILE_OVERLAP * r.width(), left.right() - r.left(), EPS, "overlap");
        }
        if (col == perSide - 1) {
          assertEquals(width, r.right(), EPS, "last column ends at the right edge");
        }
        if (row == 0) {
          assertEquals(0, r.top(), EPS, "first row starts at the top");
        } else {
          Rect above = Rect.of(tiles.get((row - 1) * perSide + col), width, height);
          assertEquals(above.left(), r.left(), EPS, "a column is straight");
          assertEquals(Tiling.TILE_OVERLAP * r.height(), above.bottom() - r.top(), EPS, "overlap");
        }
        if (row == perSide - 1) {
          assertEquals(height, r.bottom(), EPS, "last row ends at the bottom");
        }
        assertTrue(r.width() < width && r.height() < height, "a tile is larger than the frame");
      }
    }
  }

  @Test
  void fewerThanTwoPerSideIsNoTiling() {
    assertTrue(Tiling.tiles(640, 480, 0).isEmpty());
    assertTrue(Tiling.tiles(640, 480, 1).isEmpty());
  }
}
