package org.smartsession.model.face;

import java.util.List;
import java.util.Map;

/**
 * What the analyzer found in one frame. {@code timingsMs} names each stage (decode, detector, mesh,
 * ...) with its duration, for diagnostics and benchmarks.
 */
public record FaceAnalysis(int width, int height, List<Face> faces, Map<String, Double> timingsMs) {
  public FaceAnalysis {
    faces = List.copyOf(faces);
    timingsMs = Map.copyOf(timingsMs);
  }

  public int faceCount() {
    return faces.size();
  }
}
