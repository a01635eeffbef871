package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.VisionSettings;
import org.smartsession.model.face.FaceAnalysis;

/** The stream's search, on stages that find nothing: where it looks, frame by frame. */
class MeshFaceTrackerTest {

  /** Stages that record where the detectors were run, and find no face. */
  private static final class Recorder implements FaceStages {
    final List<CropTransform> wholeFrames = new ArrayList<>();
    final List<CropTransform> tiles = new ArrayList<>();

    @Override
    public void detect(DetectorSpec spec, Mat bgr, CropTransform box, List<FaceRegion> regions) {
      (spec == DetectorSpec.SHORT_RANGE ? wholeFrames : tiles).add(box);
    }

    @Override
    public List<TrackedFace> faces(Mat bgr, List<FaceRegion> regions) {
      return List.of();
    }
  }

  @Test
  void withNoFaceFollowedEveryFrameIsSearchedAndTheTilesTakenInTurnUntimed() throws Exception {
    VisionSettings settings = new VisionSettings(true, 3, 2, 3, 4, 0);
    MeshFaceTracker tracker = new MeshFaceTracker(settings);
    Recorder stages = new Recorder();
    try (Mat frame = new Mat(480, 640, CV_8UC3)) {
      for (int i = 0; i < 20; i++) {
        FaceAnalysis analysis = tracker.analyze(stages, frame, i * 500L);
        assertEquals(0, analysis.faceCount());
        assertTrue(analysis.timingsMs().isEmpty(), "a streamed frame is not timed");
      }
      assertEquals(20, stages.wholeFrames.size());
      CropTransform whole = Tiling.wholeFrame(frame, DetectorSpec.SHORT_RANGE);
      stages.wholeFrames.forEach(box -> assertEquals(whole, box));
    }
    List<CropTransform> tiles = Tiling.tiles(640, 480, 3);
    List<CropTransform> expected = new ArrayList<>(tiles);
    expected.add(tiles.get(0)); // every second frame: 10 tiles, then round again
    assertEquals(expected, stages.tiles);
  }
}
