package org.smartsession.engine.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.smartsession.model.face.Face;
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
      List<Landmarks> onePersonAlone = landmarks(first.analyze(onePerson, 2));
      List<Landmarks> groupAlone = landmarks(first.analyze(group, 2));
      assertEquals(4, groupAlone.size());
      List<Future<List<List<Landmarks>>>> runs = new ArrayList<>();
      runs.add(threads.submit(repeat(() -> landmarks(first.analyze(onePerson, 2)))));
      runs.add(threads.submit(repeat(() -> landmarks(second.analyze(group, 2)))));
      // Landmarks are equal when every coordinate is bit for bit the same.
      for (List<Landmarks> result : runs.get(0).get()) {
        assertEquals(onePersonAlone, result);
      }
      for (List<Landmarks> result : runs.get(1).get()) {
        assertEquals(groupAlone, result);
      }
    } finally {
      threads.shutdown();
    }
  }

  private static Callable<List<List<Landmarks>>> repeat(Callable<List<Landmarks>> analysis) {
    return () -> {
      List<List<Landmarks>> results = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        results.add(analysis.call());
      }
      return results;
    };
  }

  private static List<Landmarks> landmarks(FaceAnalysis analysis) {
    return analysis.faces().stream().map(Face::landmarks).toList();
  }
}
