package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;

import java.util.*;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.smartsession.model.face.FaceAnalysis;

public class StageTimes {
  public static void main(String[] args) throws Exception {
    FaceModels models = FaceModels.loadBundled();
    MeshFaceTracker tracker = new MeshFaceTracker(VisionSettings.defaults());
    VisionWorker w = new VisionWorker(models, 4);
    Mat frame = new Mat();
    try (Mat a = VisionPipelineTest.fixture("astronaut.jpg");
        Mat top = a.rowRange(0, 480)) {
      copyMakeBorder(top, frame, 0, 0, 64, 64, BORDER_REPLICATE, new Scalar());
    }
    Map<String, List<Double>> t = new TreeMap<>();
    for (int i = 0; i < 300; i++) {
      FaceAnalysis r = args.length > 0 ? w.analyze(frame, 2) : tracker.analyze(w, frame);
      if (i >= 50)
        r.timingsMs().forEach((k, v) -> t.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    t.forEach(
        (k, v) -> {
          Collections.sort(v);
          System.out.printf(
              "%-14s median %.2f ms  p90 %.2f%n", k, v.get(v.size() / 2), v.get(v.size() * 9 / 10));
        });
    w.close();
    models.close();
  }
}
