package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.translate.TranslateException;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.VisionSettings;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceAnalysis;

/**
 * More faces than {@code max-faces}: every one is counted, the mesh runs on no more than the limit,
 * on a JPEG of six astronaut portraits tiled three by two, with the real models.
 */
class FaceCountTest {
  private static final int MAX_FACES = 2;
  private static final int FACES = 6;
  private static final int CELL = 320;

  private static FaceModels models;
  private static VisionWorker worker;
  private static Mat group;

  @BeforeAll
  static void load() throws Exception {
    models = FaceModels.loadBundled();
    worker = new VisionWorker(models, MAX_FACES);
    group = sixFaces();
  }

  @AfterAll
  static void unload() {
    group.close();
    worker.close();
    models.close();
  }

  @Test
  void aSingleImageCountsEveryFaceAndMeshesOnlyTheLimit() throws Exception {
    CountingStages stages = new CountingStages();
    List<Face> faces = SingleImageSearch.faces(stages, group, 3);

    assertEquals(FACES, faces.size());
    assertEquals(MAX_FACES, faces.stream().filter(Face::hasLandmarks).count());
    assertEquals(MAX_FACES, stages.mostMeshRunsInOneCall);
    assertEquals(FACES, new FaceAnalysis(group.cols(), group.rows(), faces, Map.of()).faceCount());
  }

  @Test
  void aStreamFindsEveryFaceAndKeepsMeshingTheSameOnes() throws Exception {
    MeshFaceTracker tracker = new MeshFaceTracker(new VisionSettings(true, 3, 1, 3, MAX_FACES, 0));
    CountingStages stages = new CountingStages();
    List<Face> meshedBefore = null;
    int frame = 0;
    for (; frame < 12; frame++) { // one tile a frame: nine frames see them all
      tracker.analyze(stages, group, frame * 100L);
    }
    for (int i = 0; i < 6; i++, frame++) {
      FaceAnalysis a = tracker.analyze(stages, group, frame * 100L);
      assertEquals(FACES, a.faceCount(), "frame " + frame);
      List<Face> meshed = a.faces().stream().filter(Face::hasLandmarks).toList();
      assertEquals(MAX_FACES, meshed.size());
      if (meshedBefore != null) {
        for (int f = 0; f < MAX_FACES; f++) {
          assertEquals(
              cell(meshedBefore.get(f)), cell(meshed.get(f)), "a meshed face stays meshed");
        }
      }
      meshedBefore = meshed;
    }
    assertEquals(MAX_FACES, stages.mostMeshRunsInOneCall);
  }

  /** Which tile of the group a face is in. */
  private static int cell(Face f) {
    int col = (int) ((f.box().x() + f.box().width() / 2) / CELL);
    int row = (int) ((f.box().y() + f.box().height() / 2) / CELL);
    return row * 3 + col;
  }

  /** The worker's stages, counting the mesh's runs in each search for faces. */
  private static final class CountingStages implements FaceStages {
    private int meshRuns;
    int mostMeshRunsInOneCall;
    private final FaceStages stages =
        worker.stagesOver(
            (model, stage) ->
                !stage.equals(AttentionMesh.STAGE)
                    ? model
                    : new CropModel() {
                      @Override
                      public void prepare(Mat bgr, CropTransform crop) {
                        model.prepare(bgr, crop);
                      }

                      @Override
                      public float[][] forward() throws TranslateException {
                        meshRuns++;
                        return model.forward();
                      }
                    });

    @Override
    public void detect(DetectorSpec spec, Mat bgr, CropTransform box, List<FaceRegion> regions)
        throws TranslateException {
      stages.detect(spec, bgr, box, regions);
    }

    @Override
    public List<TrackedFace> faces(Mat bgr, List<FaceRegion> regions) throws TranslateException {
      meshRuns = 0;
      List<TrackedFace> faces = stages.faces(bgr, regions);
      mostMeshRunsInOneCall = Math.max(mostMeshRunsInOneCall, meshRuns);
      return faces;
    }
  }

  /** The astronaut's portrait six times, three by two, each mirrored from the last, as a JPEG. */
  private static Mat sixFaces() throws Exception {
    try (Mat astronaut = VisionPipelineTest.fixture("astronaut.jpg");
        Mat small = new Mat();
        Mat mirrored = new Mat();
        Mat tiled = new Mat(2 * CELL, 3 * CELL, opencv_core.CV_8UC3)) {
      resize(astronaut, small, new Size(CELL, CELL));
      opencv_core.flip(small, mirrored, 1);
      for (int i = 0; i < FACES; i++) {
        try (Mat cell = new Mat(tiled, new Rect((i % 3) * CELL, (i / 3) * CELL, CELL, CELL))) {
          (i % 2 == 0 ? small : mirrored).copyTo(cell);
        }
      }
      try (BytePointer jpeg = new BytePointer()) {
        assertTrue(imencode(".jpg", tiled, jpeg));
        byte[] bytes = new byte[(int) jpeg.limit()];
        jpeg.get(bytes);
        try (BytePointer p = new BytePointer(bytes);
            Mat encoded = new Mat(1, bytes.length, opencv_core.CV_8UC1, p)) {
          return imdecode(encoded, IMREAD_COLOR);
        }
      }
    }
  }
}
