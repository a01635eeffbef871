package org.smartsession.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.HeadPose;
import org.smartsession.model.face.Landmarks;

class FaceMeasurementsTest {

  @Test
  void neutralFaceMeasuresAsBuilt() {
    FaceMeasurements m = FaceMeasurements.of(SyntheticFace.neutral().face());

    assertNotNull(m);
    assertEquals(200, m.faceWidthPx(), 1e-6);
    assertEquals(25.0 / 200, m.browGap(), 1e-6);
    assertEquals(0.3, m.eyeAspect(), 1e-6);
    assertEquals(0, m.gaze().x(), 1e-6);
    assertEquals(0, m.gaze().y(), 1e-6);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.8, 1.5})
  void distanceToTheCameraDoesNotChangeTheMeasures(double scale) {
    FaceMeasurements m =
        FaceMeasurements.of(
            SyntheticFace.neutral().scale(scale).shift(30, -20).browGap(20).iris(8, 2).face());

    assertEquals(200 * scale, m.faceWidthPx(), 1e-3);
    assertEquals(20.0 / 200, m.browGap(), 1e-6);
    assertEquals(0.2, m.gaze().x(), 1e-6);
    assertEquals(0.05, m.gaze().y(), 1e-6);
  }

  @Test
  void gazeSignsFollowTheImage() {
    FaceMeasurements right = FaceMeasurements.of(SyntheticFace.neutral().iris(6, 0).face());
    FaceMeasurements down = FaceMeasurements.of(SyntheticFace.neutral().iris(0, 4).face());

    assertEquals(0.15, right.gaze().x(), 1e-6);
    assertEquals(0.1, down.gaze().y(), 1e-6);
  }

  @Test
  void rollingTheHeadInTheImageDoesNotMoveTheGaze() {
    Landmarks upright = SyntheticFace.neutral().iris(8, 0).landmarks();
    float[] xyz = upright.toArray();
    double angle = Math.toRadians(20);
    for (int i = 0; i < Landmarks.COUNT; i++) {
      double x = xyz[i * 3] - 320;
      double y = xyz[i * 3 + 1] - 250;
      xyz[i * 3] = (float) (320 + x * Math.cos(angle) - y * Math.sin(angle));
      xyz[i * 3 + 1] = (float) (250 + x * Math.sin(angle) + y * Math.cos(angle));
    }
    Face rolled = new Face(SyntheticFace.neutral().box(), 0.9, Landmarks.of(xyz), 0.9, null);

    FaceMeasurements m = FaceMeasurements.of(rolled);

    assertEquals(0.2, m.gaze().x(), 1e-4);
    assertEquals(0, m.gaze().y(), 1e-4);
  }

  @Test
  void notANumberAnywhereMakesTheLandmarksUnusable() {
    assertNull(FaceMeasurements.of(SyntheticFace.neutral().notANumberAt(200).face()));
    assertNull(FaceMeasurements.of(SyntheticFace.neutral().notANumberAt(473).face()));
  }

  @Test
  void missingLandmarksAreUnusable() {
    Face face = new Face(SyntheticFace.neutral().box(), 0.9, null, 0.9, HeadPose.FRONTAL);

    assertNull(FaceMeasurements.of(face));
  }

  @Test
  void aCollapsedMeshIsUnusable() {
    Face face =
        new Face(
            SyntheticFace.neutral().box(),
            0.9,
            Landmarks.of(new float[Landmarks.COUNT * 3]),
            1,
            null);

    assertNull(FaceMeasurements.of(face));
  }

  @Test
  void aPoseThatIsNotFiniteCountsAsUnknown() {
    FaceMeasurements m =
        FaceMeasurements.of(SyntheticFace.neutral().pose(new HeadPose(Double.NaN, 3, 0)).face());

    assertNotNull(m);
    assertNull(m.pose());
  }

  @Test
  void openingTheMouthMovesTheExpressionPoints() {
    FaceMeasurements closed = FaceMeasurements.of(SyntheticFace.neutral().face());
    FaceMeasurements open = FaceMeasurements.of(SyntheticFace.neutral().mouthOpen(40).face());

    // The lips each move 15 px of a 200 px wide face.
    assertEquals(0.075, open.largestMoveFrom(closed), 1e-6);
  }

  @Test
  void withoutAPoseOfItsOwnTheFaceIsTurnedAsItsMeshShows() {
    HeadPose yawed = FaceMeasurements.of(neutralMesh().pose(0, 20).face()).pose();
    HeadPose pitched = FaceMeasurements.of(neutralMesh().pose(-12, 0).face()).pose();
    HeadPose both = FaceMeasurements.of(neutralMesh().pose(10, -25).face()).pose();

    assertEquals(20, yawed.yaw(), 1e-3);
    assertEquals(0, yawed.pitch(), 1e-3);
    assertEquals(-12, pitched.pitch(), 1e-3);
    assertEquals(0, pitched.yaw(), 1e-3);
    assertEquals(-25, both.yaw(), 1e-3);
    assertEquals(10, both.pitch(), 1.0);
  }

  @Test
  void theEnginesPoseWinsOverTheMesh() {
    Face face =
        new Face(
            SyntheticFace.neutral().box(),
            0.9,
            neutralMesh().pose(0, 20).landmarks(),
            0.9,
            new HeadPose(1, 2, 3));

    assertEquals(new HeadPose(1, 2, 3), FaceMeasurements.of(face).pose());
  }

  @Test
  void aMeshWithoutDepthGivesNoPose() {
    assertNull(FaceMeasurements.of(SyntheticFace.neutral().pose((HeadPose) null).face()).pose());
  }

  private static SyntheticFace neutralMesh() {
    return SyntheticFace.neutral().poseInMeshOnly();
  }
}
