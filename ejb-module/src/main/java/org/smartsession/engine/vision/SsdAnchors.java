package org.smartsession.engine.vision;

import java.util.Arrays;

/**
 * Anchor centres of MediaPipe's SSD face detectors (SsdAnchorsCalculator with fixed anchor size:
 * every anchor is 1×1, only its centre matters). Consecutive layers with the same stride share one
 * grid, each adding {@code anchorsPerLayer} anchors per cell.
 */
final class SsdAnchors {
  private SsdAnchors() {}

  /**
   * @return x, y of each anchor centre in turn, normalised to [0, 1], in the detector's row order
   */
  static float[] centres(int inputSize, int[] strides, int anchorsPerLayer) {
    float[] out = new float[count(inputSize, strides, anchorsPerLayer) * 2];
    int n = 0;
    int layer = 0;
    while (layer < strides.length) {
      int stride = strides[layer];
      int sameStride = 0;
      while (layer < strides.length && strides[layer] == stride) {
        sameStride++;
        layer++;
      }
      int cells = (int) Math.ceil((double) inputSize / stride);
      int perCell = sameStride * anchorsPerLayer;
      for (int y = 0; y < cells; y++) {
        for (int x = 0; x < cells; x++) {
          for (int a = 0; a < perCell; a++) {
            out[n++] = (x + 0.5f) / cells;
            out[n++] = (y + 0.5f) / cells;
          }
        }
      }
    }
    return out;
  }

  static int count(int inputSize, int[] strides, int anchorsPerLayer) {
    int total = 0;
    for (int stride : strides) {
      int cells = (int) Math.ceil((double) inputSize / stride);
      total += cells * cells * anchorsPerLayer;
    }
    return total;
  }

  static String describe(int inputSize, int[] strides) {
    return inputSize + "px, strides " + Arrays.toString(strides);
  }
}
