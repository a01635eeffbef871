package org.smartsession.engine.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartsession.model.face.FaceAnalysis;
import org.smartsession.model.face.Landmarks;

/**
 * Several students' streams analysed together give the faces each stream gets alone: batching only
 * changes how the models are called.
 */
class BatchedStreamsTest {
  private static final List<String> STREAMS =
      List.of("astronaut.jpg", "two-people.jpg", "no-face.jpg", "sample4.jpg");

  private static FaceModels models;
  private static VisionWorker worker;

  @BeforeAll
  static void load() throws Exception {
    models = FaceModels.loadBundled();
    worker = new VisionWorker(models, 4);
  }

  @AfterAll
  static void unload() {
    worker.close();
    models.close();
  }

  @Test
  void framesOfSeveralStudentsAnalysedTogetherMatchEachAnalysedAlone() throws Exception {
    List<Mat> frames = new ArrayList<>();
    for (String name : STREAMS) {
      frames.add(VisionPipelineTest.fixture(name));
    }
    try {
      List<MeshFaceTracker> alone = new ArrayList<>();
      List<MeshFaceTracker> together = new ArrayList<>();
      for (int s = 0; s < frames.size(); s++) {
        alone.add(new MeshFaceTracker(VisionSettings.defaults()));
        together.add(new MeshFaceTracker(VisionSettings.defaults()));
      }
      // A few frames per stream, so that tracked faces, detector turns and a tile scan all occur.
      for (int frame = 0; frame < 4; frame++) {
        List<FaceAnalysis> batched = MeshFaceTracker.analyzeTogether(worker, together, frames);
        for (int s = 0; s < frames.size(); s++) {
          FaceAnalysis single = alone.get(s).analyze(worker, frames.get(s));
          FaceAnalysis batch = batched.get(s);
          String where = STREAMS.get(s) + ", frame " + frame;
          assertEquals(single.faceCount(), batch.faceCount(), where);
          for (int f = 0; f < single.faceCount(); f++) {
            assertClose(single.faces().get(f).landmarks(), batch.faces().get(f).landmarks(), where);
          }
          if (frame == 0) {
            assertEquals(frames.size(), batch.timingsMs().get("batchFrames"), 0.0);
          }
        }
      }
    } finally {
      frames.forEach(Mat::close);
    }
  }

  /**
   * A batch may take other matrix-product kernels: float rounding, which the tracking carries from
   * frame to frame, but stays far below a pixel.
   */
  private static void assertClose(Landmarks expected, Landmarks actual, String where) {
    double worst = 0;
    for (int i = 0; i < Landmarks.COUNT; i++) {
      worst = Math.max(worst, Math.abs(expected.x(i) - actual.x(i)));
      worst = Math.max(worst, Math.abs(expected.y(i) - actual.y(i)));
    }
    assertTrue(worst < 0.05, where + ": landmarks differ by up to " + worst + " px");
  }
}
