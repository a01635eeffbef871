package org.smartsession.engine.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.smartsession.model.face.FaceAnalysis;
import org.smartsession.model.face.Landmarks;

/**
 * Two frame workers share one loaded set of models, whose convolutions are XNNPACK operators with
 * state of their own: analysing at the same time must give exactly what each gives alone.
 */
class ConcurrentWorkersTest {
  private static final int ROUNDS = 20;

  @Test
  void twoWorkersOnSharedModelsGetTheSameLandmarksAsOneAlone() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (FaceModels models = FaceModels.loadBundled();
        VisionWorker first = new VisionWorker(models, 4);
        VisionWorker second = new VisionWorker(models, 4);
        Mat onePerson = VisionPipelineTest.fixture("astronaut.jpg");
        Mat group = VisionPipelineTest.fixture("sample4.jpg")) {
      float[] onePersonAlone = landmarks(first.analyze(onePerson, 2));
      float[] groupAlone = landmarks(first.analyze(group, 2));
      assertEquals(4 * Landmarks.COUNT * 3, groupAlone.length);
      List<Future<List<float[]>>> runs = new ArrayList<>();
      runs.add(threads.submit(repeat(() -> landmarks(first.analyze(onePerson, 2)))));
      runs.add(threads.submit(repeat(() -> landmarks(second.analyze(group, 2)))));
      for (float[] result : runs.get(0).get()) {
        assertArrayEquals(onePersonAlone, result);
      }
      for (float[] result : runs.get(1).get()) {
        assertArrayEquals(groupAlone, result);
      }
    } finally {
      threads.shutdown();
    }
  }

  private static Callable<List<float[]>> repeat(Callable<float[]> analysis) {
    return () -> {
      List<float[]> results = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        results.add(analysis.call());
      }
      return results;
    };
  }

  private static float[] landmarks(FaceAnalysis analysis) {
    float[] all = new float[analysis.faceCount() * Landmarks.COUNT * 3];
    int k = 0;
    for (var face : analysis.faces()) {
      for (int i = 0; i < Landmarks.COUNT; i++) {
        all[k++] = face.landmarks().x(i);
        all[k++] = face.landmarks().y(i);
        all[k++] = face.landmarks().z(i);
      }
    }
    return all;
  }
}
