package org.smartsession.engine.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.VisionSettings;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.Landmarks;

/**
 * The iris edge points in MediaPipe's order, the same for both eyes: after the centre (468, 473)
 * come the points towards the image's right (469, 474), top (470, 475), left (471, 476) and bottom
 * (472, 477), measured along the eye's own axes so that a tilted head does not matter.
 */
class IrisPointOrderTest {
  private static FaceModels models;
  private static VisionWorker worker;
  private static List<Face> faces;

  @BeforeAll
  static void load() throws Exception {
    models = FaceModels.loadBundled();
    worker = new VisionWorker(models, 6);
    faces = new ArrayList<>();
    for (String fixture : List.of("astronaut.jpg", "sample3.jpg", "sample6.jpg")) {
      try (Mat image = VisionPipelineTest.fixture(fixture)) {
        faces.addAll(worker.analyze(image, VisionSettings.DEFAULTS.tilesPerSide()).faces());
      }
    }
    assertTrue(faces.size() >= 8, faces.size() + " faces");
  }

  @AfterAll
  static void unload() {
    worker.close();
    models.close();
  }

  @Test
  void rightEyeEdgePointsGoRightTopLeftBottom() {
    for (Face face : faces) {
      assertOrder(
          face.landmarks(),
          Landmarks.RIGHT_IRIS_CENTER,
          Landmarks.RIGHT_EYE_OUTER,
          Landmarks.RIGHT_EYE_INNER);
    }
  }

  @Test
  void leftEyeEdgePointsGoRightTopLeftBottom() {
    for (Face face : faces) {
      assertOrder(
          face.landmarks(),
          Landmarks.LEFT_IRIS_CENTER,
          Landmarks.LEFT_EYE_INNER,
          Landmarks.LEFT_EYE_OUTER);
    }
  }

  /**
   * Each edge point lies in its direction from the iris centre: within 45 degrees of it, in the
   * frame of the eye line from {@code imageLeftCorner} to {@code imageRightCorner}.
   */
  private static void assertOrder(
      Landmarks p, int centre, int imageLeftCorner, int imageRightCorner) {
    double n =
        Math.hypot(
            p.x(imageRightCorner) - p.x(imageLeftCorner),
            p.y(imageRightCorner) - p.y(imageLeftCorner));
    double ax = (p.x(imageRightCorner) - p.x(imageLeftCorner)) / n;
    double ay = (p.y(imageRightCorner) - p.y(imageLeftCorner)) / n;
    // Unit directions in the eye's frame (x along the eye line, y down): right, top, left, bottom.
    double[][] expected = {{1, 0}, {0, -1}, {-1, 0}, {0, 1}};
    for (int k = 0; k < 4; k++) {
      double dx = p.x(centre + 1 + k) - p.x(centre);
      double dy = p.y(centre + 1 + k) - p.y(centre);
      double along = dx * ax + dy * ay;
      double across = -dx * ay + dy * ax;
      double cos = (along * expected[k][0] + across * expected[k][1]) / Math.hypot(along, across);
      int point = centre + 1 + k;
      assertTrue(
          cos > Math.cos(Math.toRadians(45)),
          () ->
              String.format(
                  "point %d at (%.1f, %.1f) from the centre %d, eye axis (%.2f, %.2f)",
                  point, dx, dy, centre, ax, ay));
    }
  }
}
