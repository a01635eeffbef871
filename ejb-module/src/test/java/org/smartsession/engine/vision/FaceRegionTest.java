package org.smartsession.engine.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartsession.model.face.Landmarks;

/** A region reads its centre and side with the input size it was built for, whatever that is. */
class FaceRegionTest {
  private static final double EPS = 1e-4;

  /** A 60×80 face centred on (200, 150), eyes level. */
  private static final Detection FACE =
      new Detection(
          170,
          110,
          230,
          190,
          0.9f,
          new float[] {185, 135, 215, 135, 200, 155, 200, 170, 175, 140, 225, 140});

  @ParameterizedTest
  @ValueSource(ints = {128, 192, 256})
  void aDetectedRegionIsTheFaceEnlargedByHalfAtAnySize(int size) {
    FaceRegion region = FaceRegion.fromDetection(FACE, size);
    assertEquals(size, region.size());
    assertTrue(region.detected());
    assertEquals(200, region.centreX(), EPS);
    assertEquals(150, region.centreY(), EPS);
    assertEquals(80 * FaceRegion.SCALE, region.side(), EPS);
    assertEquals(region.side(), region.crop().scale() * size, EPS);
    assertCoversItsInnerHalf(region);
  }

  @ParameterizedTest
  @ValueSource(ints = {128, 192, 256})
  void aFollowedRegionIsTheLandmarksEnlargedByHalfAtAnySize(int size) {
    // Mesh points on a grid over x 100..200, y 50..150, the eye corners on one level.
    float[] xyz = new float[Landmarks.COUNT * 3];
    for (int i = 0; i < Landmarks.COUNT; i++) {
      xyz[i * 3] = 100 + (i % 11) * 10;
      xyz[i * 3 + 1] = 50 + (i / 11 % 11) * 10;
    }
    xyz[Landmarks.RIGHT_EYE_OUTER * 3] = 120;
    xyz[Landmarks.RIGHT_EYE_OUTER * 3 + 1] = 80;
    xyz[Landmarks.LEFT_EYE_OUTER * 3] = 180;
    xyz[Landmarks.LEFT_EYE_OUTER * 3 + 1] = 80;
    FaceRegion region = FaceRegion.fromLandmarks(Landmarks.of(xyz), 0.7f, size);
    assertEquals(size, region.size());
    assertFalse(region.detected());
    assertEquals(0.7f, region.detectorScore());
    assertEquals(150, region.centreX(), EPS);
    assertEquals(100, region.centreY(), EPS);
    assertEquals(100 * FaceRegion.SCALE, region.side(), EPS);
    assertCoversItsInnerHalf(region);
  }

  /** The same face: within the region's inner half, which is the face's own extent. */
  private static void assertCoversItsInnerHalf(FaceRegion region) {
    double half = region.side() / (2 * FaceRegion.SCALE);
    double x = region.centreX();
    double y = region.centreY();
    assertTrue(region.covers(x, y));
    assertTrue(region.covers(x + half - 0.5, y - half + 0.5));
    assertFalse(region.covers(x + half + 0.5, y));
    assertFalse(region.covers(x, y - half - 0.5));
  }
}
