package org.smartsession.engine.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The timing decorator passes each step on and sums its time under the stage's two names. */
class TimedCropModelTest {

  @Test
  void eachStepIsPassedOnAndTimedUnderItsName() throws Exception {
    List<String> calls = new ArrayList<>();
    float[][] output = {{1, 2}};
    CropTransform crop = CropTransform.letterbox(640, 480, 128);
    CropModel model =
        new CropModel() {
          @Override
          public void prepare(Mat bgr, CropTransform c) {
            assertSame(crop, c);
            calls.add("prepare");
          }

          @Override
          public float[][] forward() {
            calls.add("forward");
            return output;
          }
        };
    Map<String, Double> timings = new HashMap<>();
    CropModel timed = new TimedCropModel(model, "detector", timings);
    for (int i = 0; i < 2; i++) {
      timed.prepare(null, crop);
      assertSame(output, timed.forward());
    }
    assertEquals(List.of("prepare", "forward", "prepare", "forward"), calls);
    assertEquals(Set.of("detectorInput", "detector"), timings.keySet());
    timings.values().forEach(ms -> assertTrue(ms >= 0, "time " + ms));
  }
}
