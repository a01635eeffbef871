package org.smartsession.engine.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe's weighted non-maximum suppression: boxes overlapping the best remaining one are merged
 * into it, averaged by score, rather than discarded. Steadier boxes than plain NMS.
 */
final class WeightedNms {
  private WeightedNms() {}

  static List<Detection> apply(List<Detection> candidates, float iouThreshold) {
    List<Detection> remaining = new ArrayList<>(candidates);
    remaining.sort(Comparator.comparingDouble(Detection::score).reversed());
    List<Detection> kept = new ArrayList<>();
    while (!remaining.isEmpty()) {
      Detection best = remaining.get(0);
      List<Detection> cluster = new ArrayList<>();
      List<Detection> rest = new ArrayList<>();
      for (Detection d : remaining) {
        (best.iou(d) > iouThreshold ? cluster : rest).add(d);
      }
      kept.add(average(best, cluster));
      remaining = rest;
    }
    return kept;
  }

  private static Detection average(Detection best, List<Detection> cluster) {
    if (cluster.size() == 1) {
      return best;
    }
    float total = 0;
    float x0 = 0;
    float y0 = 0;
    float x1 = 0;
    float y1 = 0;
    float[] keypoints = new float[best.keypoints().length];
    for (Detection d : cluster) {
      float w = d.score();
      total += w;
      x0 += d.x0() * w;
      y0 += d.y0() * w;
      x1 += d.x1() * w;
      y1 += d.y1() * w;
      for (int k = 0; k < keypoints.length; k++) {
        keypoints[k] += d.keypoints()[k] * w;
      }
    }
    for (int k = 0; k < keypoints.length; k++) {
      keypoints[k] /= total;
    }
    return new Detection(x0 / total, y0 / total, x1 / total, y1 / total, best.score(), keypoints);
  }
}
