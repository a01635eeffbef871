package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartsession.engine.config.VisionSettings;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceAnalysis;
import org.smartsession.model.face.Landmarks;

/** The whole vision pipeline, real models through DJL, on the fixture photos. */
class VisionPipelineTest {
  private static FaceModels models;
  private static VisionWorker worker;

  @BeforeAll
  static void load() throws Exception {
    models = FaceModels.loadBundled();
    worker = new VisionWorker(models, 6);
  }

  @AfterAll
  static void unload() {
    worker.close();
    models.close();
  }

  static Mat fixture(String name) throws Exception {
    try (InputStream in =
        VisionPipelineTest.class.getResourceAsStream("/vision/fixtures/" + name)) {
      assertNotNull(in, name);
      byte[] bytes = in.readAllBytes();
      try (BytePointer p = new BytePointer(bytes);
          Mat encoded = new Mat(1, bytes.length, opencv_core.CV_8UC1, p)) {
        return imdecode(encoded, IMREAD_COLOR);
      }
    }
  }

  static FaceAnalysis analyze(String name) throws Exception {
    try (Mat image = fixture(name)) {
      return worker.analyze(image, 2);
    }
  }

  @Test
  void findsTheAstronautsFaceWithLandmarksWhereTheyBelong() throws Exception {
    FaceAnalysis a = analyze("astronaut.jpg");
    assertEquals(1, a.faceCount());
    Face face = a.faces().get(0);
    Landmarks p = face.landmarks();
    assertTrue(face.box().contains(p.x(Landmarks.NOSE_TIP), p.y(Landmarks.NOSE_TIP)));
    // Each iris centre lies between its eye's corners and lids.
    assertBetween(
        p.x(Landmarks.RIGHT_IRIS_CENTER),
        p.x(Landmarks.RIGHT_EYE_OUTER),
        p.x(Landmarks.RIGHT_EYE_INNER));
    assertBetween(
        p.y(Landmarks.RIGHT_IRIS_CENTER),
        p.y(Landmarks.RIGHT_EYE_UPPER) - 3,
        p.y(Landmarks.RIGHT_EYE_LOWER) + 3);
    assertBetween(
        p.x(Landmarks.LEFT_IRIS_CENTER),
        p.x(Landmarks.LEFT_EYE_INNER),
        p.x(Landmarks.LEFT_EYE_OUTER));
    assertBetween(
        p.y(Landmarks.LEFT_IRIS_CENTER),
        p.y(Landmarks.LEFT_EYE_UPPER) - 3,
        p.y(Landmarks.LEFT_EYE_LOWER) + 3);
  }

  @ParameterizedTest
  @CsvSource({
    "no-face.jpg, 0",
    "two-people.jpg, 2",
    "astronaut.jpg, 1",
    "sample1.jpg, 3",
    "sample2.jpg, 3",
    "sample3.jpg, 3",
    "sample4.jpg, 4",
    "sample5.jpg, 5",
    "sample6.jpg, 4"
  })
  void countsTheFacesInTheFixtures(String fixture, int faces) throws Exception {
    FaceAnalysis a = analyze(fixture);
    assertEquals(faces, a.faceCount(), () -> fixture + ": " + a.faces());
    for (Face face : a.faces()) {
      assertTrue(face.presence() >= FaceFinder.MIN_PRESENCE);
      assertTrue(face.landmarks().isFinite());
    }
  }

  private static void assertBetween(double v, double a, double b) {
    assertTrue(v >= Math.min(a, b) && v <= Math.max(a, b), v + " not between " + a + " and " + b);
  }

  // A followed face leaves the whole-frame detector to every third frame at 2 frames per second;
  // at one frame every 5 s (large classes) waiting three frames would leave a newcomer unseen for
  // 15 s, so every frame is searched.

  @Test
  void atTwoFramesPerSecondTheDetectorRunsEveryThirdFrame() throws Exception {
    assertEquals(
        List.of(true, false, true, false, false, true, false, false, true),
        detectorRuns(VisionSettings.DEFAULTS, 500, 9));
  }

  @Test
  void atOneFrameEveryFiveSecondsEveryFrameIsSearched() throws Exception {
    assertEquals(
        List.of(true, true, true, true, true, true),
        detectorRuns(VisionSettings.DEFAULTS, 5000, 6));
  }

  @Test
  void withoutATimeLimitOnlyFrameCountsPaceTheSearch() throws Exception {
    assertEquals(
        List.of(true, false, true, false, false, true),
        detectorRuns(new VisionSettings(true, 3, 3, 3, 4, 0), 5000, 6));
  }

  /** For each frame of a one-face stream, whether the whole-frame detector ran on it. */
  private static List<Boolean> detectorRuns(VisionSettings settings, long frameGapMs, int frames)
      throws Exception {
    MeshFaceTracker tracker = new MeshFaceTracker(settings);
    List<Boolean> runs = new ArrayList<>();
    try (Mat astronaut = fixture("astronaut.jpg")) {
      for (int i = 0; i < frames; i++) {
        Map<String, Double> timings = new HashMap<>();
        FaceAnalysis analysis = tracker.analyze(worker.timed(timings), astronaut, i * frameGapMs);
        assertEquals(1, analysis.faceCount());
        runs.add(timings.containsKey("detector"));
      }
    }
    return runs;
  }
}
