package org.smartsession.engine.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartsession.model.face.FaceAnalysis;

/**
 * A followed face leaves the whole-frame detector to every third frame at 2 frames per second; at
 * one frame every 5 s (large classes) waiting three frames would leave a newcomer unseen for 15 s,
 * so every frame is searched.
 */
class SearchPacingTest {
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
  void atTwoFramesPerSecondTheDetectorRunsEveryThirdFrame() throws Exception {
    assertEquals(
        List.of(true, false, true, false, false, true, false, false, true), detectorRuns(500, 9));
  }

  @Test
  void atOneFrameEveryFiveSecondsEveryFrameIsSearched() throws Exception {
    assertEquals(List.of(true, true, true, true, true, true), detectorRuns(5000, 6));
  }

  @Test
  void withoutATimeLimitOnlyFrameCountsPace() throws Exception {
    VisionSettings framesOnly = new VisionSettings(3, 3, 3, 4, 0);
    assertEquals(List.of(true, false, true, false, false, true), detectorRuns(framesOnly, 5000, 6));
  }

  private static List<Boolean> detectorRuns(long frameGapMs, int frames) throws Exception {
    return detectorRuns(VisionSettings.defaults(), frameGapMs, frames);
  }

  /** For each frame of a one-face stream, whether the whole-frame detector ran on it. */
  private static List<Boolean> detectorRuns(VisionSettings settings, long frameGapMs, int frames)
      throws Exception {
    MeshFaceTracker tracker = new MeshFaceTracker(settings);
    List<Boolean> runs = new ArrayList<>();
    try (Mat astronaut = VisionPipelineTest.fixture("astronaut.jpg")) {
      for (int i = 0; i < frames; i++) {
        FaceAnalysis analysis = tracker.analyze(worker, astronaut, i * frameGapMs);
        assertEquals(1, analysis.faceCount());
        runs.add(analysis.timingsMs().containsKey("detector"));
      }
    }
    return runs;
  }
}
