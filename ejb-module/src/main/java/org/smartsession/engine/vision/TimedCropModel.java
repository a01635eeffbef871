package org.smartsession.engine.vision;

import ai.djl.translate.TranslateException;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A model whose steps add their time to a map, in milliseconds: {@code <stage>Input} for the input,
 * {@code <stage>} for the forward pass. For the single-image diagnostics and the benchmarks; a
 * stream is not timed.
 */
final class TimedCropModel implements CropModel {
  private final CropModel model;
  private final String inputStage;
  private final String stage;
  private final Map<String, Double> timings;

  TimedCropModel(CropModel model, String stage, Map<String, Double> timings) {
    this.model = model;
    this.inputStage = stage + "Input";
    this.stage = stage;
    this.timings = timings;
  }

  @Override
  public void prepare(Mat bgr, CropTransform crop) {
    long t = System.nanoTime();
    model.prepare(bgr, crop);
    timings.merge(inputStage, ms(t), Double::sum);
  }

  @Override
  public float[][] forward() throws TranslateException {
    long t = System.nanoTime();
    float[][] out = model.forward();
    timings.merge(stage, ms(t), Double::sum);
    return out;
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }
}
