package org.smartsession.engine.vision;

import ai.djl.translate.TranslateException;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A model that reads a square crop of the frame, run in two steps so that the diagnostics can time
 * them apart: the crop cut and converted into the model's input, then the forward pass.
 */
interface CropModel {
  /** Cuts the part of the frame that {@code crop} maps to the model's input, ready to run. */
  void prepare(Mat bgr, CropTransform crop);

  /** Runs the model on the last prepared input; each output as a flat array. */
  float[][] forward() throws TranslateException;
}
