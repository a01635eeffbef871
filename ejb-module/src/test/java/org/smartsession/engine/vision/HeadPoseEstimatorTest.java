package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.VisionSettings;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceAnalysis;
import org.smartsession.model.face.HeadPose;
import org.smartsession.model.face.HeadPoseEstimator;
import org.smartsession.model.face.Landmarks;

/**
 * Head pose on the astronaut's real landmarks: rotated by known angles in 3D, and from real images
 * mirrored and turned in the image plane. Signs as {@link HeadPose} defines them, in image
 * coordinates (x right, y down, mesh z away from the camera).
 */
class HeadPoseEstimatorTest {
  /** Largest error on one axis for one synthetic rotation without roll, in degrees. */
  static final double TOLERANCE = 2.5;

  /** The same with roll, which the estimator takes out before reading yaw and pitch. */
  static final double TOLERANCE_WITH_ROLL = 2.5;

  /**
   * Mirrored faces: yaw and roll negated, pitch kept, within this. The mesh model itself is not
   * exactly symmetric: on sample3's turned faces the mirrored reading differs by up to 6.3 degrees.
   */
  static final double MIRROR_TOLERANCE = 7.0;

  private static final String[] AXES = {"pitch", "yaw", "roll"};

  private static FaceModels models;
  private static VisionWorker worker;
  private static Landmarks astronaut;
  private static HeadPose astronautPose;

  @BeforeAll
  static void load() throws Exception {
    models = FaceModels.loadBundled();
    worker = new VisionWorker(models, 6);
    try (Mat image = VisionPipelineTest.fixture("astronaut.jpg")) {
      Face face = onlyFace(worker.analyze(image, VisionSettings.DEFAULTS.tilesPerSide()));
      astronaut = face.landmarks();
      astronautPose = face.pose();
    }
  }

  @AfterAll
  static void unload() {
    worker.close();
    models.close();
  }

  private static Face onlyFace(FaceAnalysis analysis) {
    assertEquals(1, analysis.faceCount(), () -> "faces: " + analysis.faces());
    return analysis.faces().get(0);
  }

  @Test
  void theWorkerReportsTheEstimatorsPose() {
    assertEquals(HeadPoseEstimator.estimate(astronaut), astronautPose);
  }

  /** The test's own rotations move the face as {@link HeadPose} describes each angle. */
  @Test
  void theRotationsMoveTheFaceAsHeadPoseDescribes() {
    Landmarks up = rotate(astronaut, new HeadPose(10, 0, 0));
    assertTrue(
        up.y(Landmarks.NOSE_TIP) - up.y(Landmarks.CHIN)
            < astronaut.y(Landmarks.NOSE_TIP) - astronaut.y(Landmarks.CHIN),
        "pitch up: the nose rises away from the chin");
    assertTrue(up.z(Landmarks.CHIN) < astronaut.z(Landmarks.CHIN), "pitch up: chin comes nearer");
    Landmarks left = rotate(astronaut, new HeadPose(0, 10, 0));
    double noseX = astronaut.x(Landmarks.NOSE_TIP) - astronaut.x(Landmarks.RIGHT_FACE_EDGE);
    assertTrue(
        left.x(Landmarks.NOSE_TIP) - left.x(Landmarks.RIGHT_FACE_EDGE) > noseX,
        "yaw to the student's left: the nose moves to the image's right");
    assertTrue(
        left.z(Landmarks.LEFT_FACE_EDGE) > astronaut.z(Landmarks.LEFT_FACE_EDGE),
        "yaw to the student's left: the left cheek goes away");
    Landmarks tilted = rotate(astronaut, new HeadPose(0, 0, 10));
    assertTrue(
        eyeLineSlope(tilted) > eyeLineSlope(astronaut),
        "roll clockwise: the student's left eye (image right) drops");
  }

  private static double eyeLineSlope(Landmarks p) {
    return (p.y(Landmarks.LEFT_EYE_OUTER) - p.y(Landmarks.RIGHT_EYE_OUTER))
        / (p.x(Landmarks.LEFT_EYE_OUTER) - p.x(Landmarks.RIGHT_EYE_OUTER));
  }

  @Test
  void syntheticRotationsAreReadBackWithTheirSigns() {
    double[][] angles = { // pitch, yaw, roll
      {0, 10, 0},
      {0, -10, 0},
      {0, 20, 0},
      {0, -20, 0},
      {0, 30, 0},
      {0, -30, 0},
      {10, 0, 0},
      {-10, 0, 0},
      {20, 0, 0},
      {-20, 0, 0},
      {0, 0, 15},
      {0, 0, -15},
      {10, 20, 0},
      {-10, -20, 0},
      {20, -30, 0},
      {-20, 30, 0},
      {10, 0, 15},
      {-10, 0, -15},
      {0, 20, -15},
      {0, -20, 15},
      {10, 20, 15},
      {-20, -30, -15},
      {20, 30, -15},
      {-10, 10, 15}
    };
    HeadPose neutral = HeadPoseEstimator.estimate(astronaut);
    double[] sum = new double[3];
    double[] max = new double[3];
    List<String> failures = new ArrayList<>();
    for (double[] a : angles) {
      HeadPose expected = new HeadPose(a[0], a[1], a[2]);
      HeadPose change = HeadPoseEstimator.estimate(rotate(astronaut, expected)).minus(neutral);
      double[] want = {expected.pitch(), expected.yaw(), expected.roll()};
      double[] got = {change.pitch(), change.yaw(), change.roll()};
      System.out.printf(
          "rotation pitch %+4.0f yaw %+4.0f roll %+4.0f -> change %+6.2f %+6.2f %+6.2f%n",
          want[0], want[1], want[2], got[0], got[1], got[2]);
      for (int axis = 0; axis < 3; axis++) {
        double error = Math.abs(got[axis] - want[axis]);
        sum[axis] += error;
        max[axis] = Math.max(max[axis], error);
        boolean signOk = want[axis] == 0 || Math.signum(got[axis]) == Math.signum(want[axis]);
        double tolerance = want[2] == 0 ? TOLERANCE : TOLERANCE_WITH_ROLL;
        if (!signOk || !(error <= tolerance)) {
          failures.add(String.format("%s of %s read as %.2f", AXES[axis], expected, got[axis]));
        }
      }
    }
    for (int axis = 0; axis < 3; axis++) {
      System.out.printf(
          "synthetic %-5s error: mean %.2f, max %.2f degrees over %d rotations%n",
          AXES[axis], sum[axis] / angles.length, max[axis], angles.length);
    }
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
  }

  /**
   * Every face of a mirrored photo has its yaw and roll negated and its pitch kept. The astronaut
   * faces the camera; the three people of sample3 turn their heads by 11 to 15 degrees, one of them
   * also tilting it by 11.
   */
  @Test
  void aMirroredImageNegatesYawAndRoll() throws Exception {
    int turned = 0;
    int tilted = 0;
    for (String fixture : List.of("astronaut.jpg", "sample3.jpg")) {
      FaceAnalysis original;
      FaceAnalysis mirrored;
      try (Mat image = VisionPipelineTest.fixture(fixture);
          Mat flipped = new Mat()) {
        flip(image, flipped, 1);
        original = worker.analyze(image, VisionSettings.DEFAULTS.tilesPerSide());
        mirrored = worker.analyze(flipped, VisionSettings.DEFAULTS.tilesPerSide());
      }
      assertTrue(original.faceCount() > 0, fixture);
      assertEquals(original.faceCount(), mirrored.faceCount(), fixture);
      for (Face face : original.faces()) {
        Face m = mirrorOf(face, mirrored);
        HeadPose p = face.pose();
        HeadPose q = m.pose();
        System.out.printf("%s: %s, mirrored %s%n", fixture, p, q);
        assertEquals(-p.yaw(), q.yaw(), MIRROR_TOLERANCE, () -> fixture + " yaw " + p + " " + q);
        assertEquals(-p.roll(), q.roll(), MIRROR_TOLERANCE, () -> fixture + " roll " + p + " " + q);
        assertEquals(p.pitch(), q.pitch(), MIRROR_TOLERANCE, () -> fixture + " pitch " + p + q);
        if (Math.abs(p.yaw()) > 10) {
          turned++;
          assertEquals(-Math.signum(p.yaw()), Math.signum(q.yaw()));
        }
        if (Math.abs(p.roll()) > 10) {
          tilted++;
          assertEquals(-Math.signum(p.roll()), Math.signum(q.roll()));
        }
      }
    }
    assertTrue(turned >= 3 && tilted >= 1, turned + " turned and " + tilted + " tilted faces");
  }

  /** The face of the mirrored analysis whose box is this face's box mirrored. */
  private static Face mirrorOf(Face face, FaceAnalysis mirrored) {
    double x = mirrored.width() - face.box().centerX();
    double y = face.box().centerY();
    Face best = null;
    double bestDistance = Double.MAX_VALUE;
    for (Face m : mirrored.faces()) {
      double d = Math.hypot(m.box().centerX() - x, m.box().centerY() - y);
      if (d < bestDistance) {
        best = m;
        bestDistance = d;
      }
    }
    assertTrue(bestDistance < face.box().width() / 4, () -> "no mirrored face for " + face.box());
    return best;
  }

  @Test
  void anImageTurnedClockwiseAddsRoll() throws Exception {
    for (double degrees : new double[] {15, -15}) {
      HeadPose turned;
      try (Mat image = VisionPipelineTest.fixture("astronaut.jpg");
          Mat rotated = new Mat()) {
        // OpenCV's positive angle turns the image counter-clockwise on screen.
        Point2f centre =
            new Point2f(astronaut.x(Landmarks.NOSE_TIP), astronaut.y(Landmarks.NOSE_TIP));
        try (Mat m = getRotationMatrix2D(centre, -degrees, 1.0)) {
          warpAffine(image, rotated, m, image.size(), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
        }
        turned = onlyFace(worker.analyze(rotated, VisionSettings.DEFAULTS.tilesPerSide())).pose();
      }
      HeadPose change = turned.minus(astronautPose);
      System.out.printf("turned %+.0f degrees clockwise: change %s%n", degrees, change);
      assertEquals(degrees, change.roll(), 1.5, "roll");
      assertEquals(0, change.yaw(), 2.5, "yaw");
      assertEquals(0, change.pitch(), 2.5, "pitch");
    }
  }

  /**
   * The landmarks turned about their centroid by {@code pose} and projected orthographically: the
   * head nods (pitch, about the image's x axis), then turns (yaw, about the image's vertical), then
   * tilts in the image plane (roll). Each rotation alone moves the nose tip as {@link HeadPose}
   * says: up for pitch, to the image's right for yaw, clockwise on screen for roll.
   */
  static Landmarks rotate(Landmarks p, HeadPose pose) {
    double[][] r =
        multiply(
            rollMatrix(pose.roll()), multiply(yawMatrix(pose.yaw()), pitchMatrix(pose.pitch())));
    double[] c = new double[3];
    for (int i = 0; i < Landmarks.COUNT; i++) {
      c[0] += p.x(i) / Landmarks.COUNT;
      c[1] += p.y(i) / Landmarks.COUNT;
      c[2] += p.z(i) / Landmarks.COUNT;
    }
    float[] out = new float[Landmarks.COUNT * 3];
    for (int i = 0; i < Landmarks.COUNT; i++) {
      double[] v = {p.x(i) - c[0], p.y(i) - c[1], p.z(i) - c[2]};
      for (int k = 0; k < 3; k++) {
        out[i * 3 + k] = (float) (r[k][0] * v[0] + r[k][1] * v[1] + r[k][2] * v[2] + c[k]);
      }
    }
    return Landmarks.of(out);
  }

  /** Up is -y; the nose (z < 0) goes up, the chin comes nearer the camera. */
  static double[][] pitchMatrix(double degrees) {
    double c = Math.cos(Math.toRadians(degrees));
    double s = Math.sin(Math.toRadians(degrees));
    return new double[][] {{1, 0, 0}, {0, c, s}, {0, -s, c}};
  }

  /** The nose (z < 0) goes to +x, the image's right. */
  static double[][] yawMatrix(double degrees) {
    double c = Math.cos(Math.toRadians(degrees));
    double s = Math.sin(Math.toRadians(degrees));
    return new double[][] {{c, 0, -s}, {0, 1, 0}, {s, 0, c}};
  }

  /** +x turns towards +y: clockwise on screen, where y points down. */
  static double[][] rollMatrix(double degrees) {
    double c = Math.cos(Math.toRadians(degrees));
    double s = Math.sin(Math.toRadians(degrees));
    return new double[][] {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    double[][] m = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 3; k++) {
          m[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return m;
  }
}
