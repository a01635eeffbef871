package org.smartsession.engine.vision;

import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One of MediaPipe's face detectors as a stage: in, the part of the frame that a {@link
 * CropTransform} maps to its input (the whole frame letterboxed, a tile, a close-up); out, faces in
 * frame pixels, SSD-decoded as its {@link DetectorSpec} says and merged by weighted non-maximum
 * suppression.
 */
final class FaceDetector {
  /** The name its steps are timed under. */
  static final String STAGE = "detector";

  /** BlazeFace reads RGB scaled to [-1, 1]. */
  private static final double PIXEL_SCALE = 1 / 127.5;

  private static final double PIXEL_OFFSET = -1;

  private final DetectorSpec spec;
  private final CropModel model;

  FaceDetector(DetectorSpec spec, CropModel model) {
    this.spec = spec;
    this.model = model;
  }

  /** The predictor of {@code spec}'s model, fed as this stage feeds it. */
  static CropPredictor newModel(FaceModels models, DetectorSpec spec, NDManager manager) {
    return new CropPredictor(
        models.newDetectorPredictor(spec), manager, spec.inputSize, PIXEL_SCALE, PIXEL_OFFSET);
  }

  /** Faces in frame pixels from the part of the frame {@code box} maps to the input. */
  List<Detection> detect(Mat bgr, CropTransform box) throws TranslateException {
    model.prepare(bgr, box);
    List<Detection> inInput = spec.decode(model.forward()[0], 0);
    List<Detection> inFrame = new ArrayList<>(inInput.size());
    for (Detection d : inInput) {
      inFrame.add(toFrame(d, box));
    }
    return WeightedNms.apply(inFrame, DetectorSpec.NMS_IOU);
  }

  private static Detection toFrame(Detection d, CropTransform t) {
    return new Detection(
        (float) t.x(d.x0(), d.y0()),
        (float) t.y(d.x0(), d.y0()),
        (float) t.x(d.x1(), d.y1()),
        (float) t.y(d.x1(), d.y1()),
        d.score(),
        t.toFrame(d.keypoints()));
  }
}
