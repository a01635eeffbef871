package org.smartsession.engine.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * One of MediaPipe's face detectors: its input size, anchors and score threshold, and how to turn
 * its raw output (per anchor: score logit, box centre offset and size, six keypoint offsets, in
 * input pixels) into detections.
 */
enum DetectorSpec {
  /** BlazeFace short range: faces within about 2 m; 128×128 input, 896 anchors. */
  SHORT_RANGE("face-detector-short.pt", 128, new int[] {8, 16, 16, 16}, 2, 0.5f),
  /** Full range: also smaller, farther faces; 192×192 input, 2304 anchors. */
  FULL_RANGE("face-detector-full.pt", 192, new int[] {4}, 1, 0.6f);

  static final int VALUES_PER_ANCHOR = 17;
  static final float NMS_IOU = 0.3f;

  final String file;
  final int inputSize;
  final float minScore;
  final float[] anchors;
  final int anchorCount;
  private final float minLogit;

  DetectorSpec(String file, int inputSize, int[] strides, int anchorsPerLayer, float minScore) {
    this.file = file;
    this.inputSize = inputSize;
    this.minScore = minScore;
    this.anchors = SsdAnchors.centres(inputSize, strides, anchorsPerLayer);
    this.anchorCount = anchors.length / 2;
    this.minLogit = (float) Math.log(minScore / (1 - minScore));
  }

  /**
   * Decodes raw output into detections in input pixels, before non-maximum suppression. Anchors
   * below the threshold are skipped on the logit, without computing a sigmoid for each.
   */
  List<Detection> decode(float[] raw, int offset) {
    List<Detection> found = new ArrayList<>();
    int size = inputSize;
    for (int i = 0; i < anchorCount; i++) {
      int r = offset + i * VALUES_PER_ANCHOR;
      float logit = raw[r];
      if (!(logit >= minLogit)) {
        continue;
      }
      float score = (float) (1 / (1 + Math.exp(-Math.max(-100f, Math.min(100f, logit)))));
      float ax = anchors[2 * i] * size;
      float ay = anchors[2 * i + 1] * size;
      float cx = ax + raw[r + 1];
      float cy = ay + raw[r + 2];
      float w = raw[r + 3];
      float h = raw[r + 4];
      float[] keypoints = new float[12];
      for (int k = 0; k < 6; k++) {
        keypoints[2 * k] = ax + raw[r + 5 + 2 * k];
        keypoints[2 * k + 1] = ay + raw[r + 6 + 2 * k];
      }
      found.add(new Detection(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, score, keypoints));
    }
    return found;
  }
}
