package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
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
 * Recall for small faces in the background: the astronaut's face, scaled to a given width, pasted
 * at several places of a 640×480 room (the no-face fixture), searched as a single image and as a
 * student's stream.
 */
class SmallFaceRecallTest {
  private static final int[] WIDTHS = {24, 28, 32, 48};
  private static final VisionSettings SETTINGS = VisionSettings.DEFAULTS;
  private static final int[][] PLACES = {
    {60, 60}, {300, 40}, {540, 80}, {80, 380}, {330, 260}, {560, 400}, {200, 200}, {450, 180}
  };
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

  /** The room with the astronaut's face (box about 105 px, padded) scaled to {@code width}. */
  static Mat scene(int width, int cx, int cy) throws Exception {
    Mat room = VisionPipelineTest.fixture("no-face.jpg");
    try (Mat astronaut = VisionPipelineTest.fixture("astronaut.jpg");
        Mat face = new Mat(astronaut, new Rect(158, 45, 136, 150));
        Mat small = new Mat()) {
      double k = width / 105.0;
      resize(
          face,
          small,
          new Size((int) Math.round(136 * k), (int) Math.round(150 * k)),
          0,
          0,
          INTER_AREA);
      int x = Math.max(0, Math.min(640 - small.cols(), cx - small.cols() / 2));
      int y = Math.max(0, Math.min(480 - small.rows(), cy - small.rows() / 2));
      try (Mat target = new Mat(room, new Rect(x, y, small.cols(), small.rows()))) {
        small.copyTo(target);
      }
    }
    return room;
  }

  private static boolean found(FaceAnalysis a, int cx, int cy) {
    for (Face f : a.faces()) {
      if (Math.abs(f.box().centerX() - cx) < 30 && Math.abs(f.box().centerY() - cy) < 30) {
        return true;
      }
    }
    return false;
  }

  @Test
  void findsSmallFacesInASingleImageAndInAStream() throws Exception {
    StringBuilder report =
        new StringBuilder("small-face recall (of " + PLACES.length + " places):");
    double recallAt24 = 0;
    double recallAt32 = 0;
    for (int width : WIDTHS) {
      int image = 0;
      int stream = 0;
      for (int[] p : PLACES) {
        try (Mat scene = scene(width, p[0], p[1])) {
          if (found(worker.analyze(scene, SETTINGS.tilesPerSide()), p[0], p[1])) {
            image++;
          }
          MeshFaceTracker tracker = new MeshFaceTracker(SETTINGS);
          boolean seen = false;
          // Long enough for the tile scan to visit every tile once, at 2 frames per second.
          int frames = SETTINGS.tilesPerSide() * SETTINGS.tilesPerSide() * SETTINGS.tileScanEvery();
          for (int frame = 0; frame < frames; frame++) {
            seen = found(tracker.analyze(worker.stages(), scene, frame * 500L), p[0], p[1]);
          }
          if (seen) {
            stream++;
          }
        }
      }
      report.append(String.format(Locale.ROOT, " %dpx image %d, stream %d;", width, image, stream));
      if (width == 24) {
        recallAt24 = Math.min(image, stream) / (double) PLACES.length;
      } else if (width == 32) {
        recallAt32 = Math.min(image, stream) / (double) PLACES.length;
      }
    }
    System.out.println(report);
    assertTrue(recallAt24 >= 0.5, report::toString);
    assertTrue(recallAt32 >= 0.9, report::toString);
  }
}
